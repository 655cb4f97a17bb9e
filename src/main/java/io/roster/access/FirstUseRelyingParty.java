package io.roster.access;

import io.roster.shared.MadeAtFirstUse;
import java.util.function.Supplier;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Passkeys' relying party, made at the first passkey ceremony rather than at start. The WebAuthn
 * library behind it builds its attestation verifiers and its own JSON and CBOR mappers when it is
 * made (a few hundred classes loaded and initialised), which a start serving no passkey does not
 * need. Every operation is handed on unchanged to the one instance, made once.
 */
final class FirstUseRelyingParty implements WebAuthnRelyingPartyOperations {

    private final MadeAtFirstUse<WebAuthnRelyingPartyOperations> relyingParty;

    FirstUseRelyingParty(Supplier<WebAuthnRelyingPartyOperations> make) {
        this.relyingParty = new MadeAtFirstUse<>(make);
    }

    /** The relying party, made by the first caller; concurrent first callers wait for the one. */
    WebAuthnRelyingPartyOperations relyingParty() {
        return relyingParty.get();
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        return relyingParty().createPublicKeyCredentialCreationOptions(request);
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        return relyingParty().registerCredential(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        return relyingParty().createCredentialRequestOptions(request);
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return relyingParty().authenticate(request);
    }
}
