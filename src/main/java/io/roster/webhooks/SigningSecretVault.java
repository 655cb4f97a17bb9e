package io.roster.webhooks;

import io.roster.shared.SealedSecrets;
import org.springframework.stereotype.Component;

/**
 * Keeps the endpoints' signing secrets encrypted at rest. Roster must sign with a secret, so it
 * cannot keep only a hash as for tokens; a database dump or backup alone must still not give them
 * away. Each secret is sealed ({@link SealedSecrets}: AES-256-GCM) under
 * {@code roster.webhooks.secret-key}, bound to the endpoint's id, so a sealed secret copied onto
 * another endpoint's row does not open.
 */
@Component
class SigningSecretVault {

    static final String SETTING = "roster.webhooks.secret-key (ROSTER_WEBHOOKS_SECRET_KEY)";
    /**
     * The key of a development run when none is configured: derived from a public phrase, so it
     * protects nothing, and the start says so.
     */
    private static final String DEVELOPMENT_PHRASE = "roster development webhook secret key: not for production";

    private final SealedSecrets sealed;

    SigningSecretVault(WebhookProperties properties) {
        this.sealed = SealedSecrets.withKey(properties.secretKey(), SETTING, DEVELOPMENT_PHRASE);
    }

    String seal(String endpointId, String secret) {
        return sealed.seal(endpointId, secret);
    }

    /**
     * The secret in the clear. A value still in the clear (written before secrets were sealed,
     * and not yet sealed by {@link SigningSecretSealing}) is returned as it is.
     */
    String open(String endpointId, String stored) {
        return sealed.open(endpointId, stored);
    }

    static boolean isSealed(String stored) {
        return SealedSecrets.isSealed(stored);
    }
}
