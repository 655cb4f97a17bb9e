package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/** Passkeys' relying party is made at the first ceremony, once, and every ceremony reaches it. */
class FirstUseRelyingPartyTests {

    @Test
    void nothing_is_made_before_the_first_ceremony_and_one_relying_party_serves_them_all() {
        AtomicInteger made = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        var relyingParty = new FirstUseRelyingParty(() -> {
            made.incrementAndGet();
            return counting(calls);
        });

        assertThat(made).hasValue(0);

        relyingParty.createCredentialRequestOptions(null);
        relyingParty.createPublicKeyCredentialCreationOptions(null);
        relyingParty.registerCredential(null);
        relyingParty.authenticate(null);

        assertThat(made).hasValue(1);
        assertThat(calls).hasValue(4);
    }

    private static WebAuthnRelyingPartyOperations counting(AtomicInteger calls) {
        return new WebAuthnRelyingPartyOperations() {
            @Override
            public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
                    PublicKeyCredentialCreationOptionsRequest request) {
                calls.incrementAndGet();
                return null;
            }

            @Override
            public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
                calls.incrementAndGet();
                return null;
            }

            @Override
            public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
                    PublicKeyCredentialRequestOptionsRequest request) {
                calls.incrementAndGet();
                return null;
            }

            @Override
            public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
                calls.incrementAndGet();
                return null;
            }
        };
    }
}
