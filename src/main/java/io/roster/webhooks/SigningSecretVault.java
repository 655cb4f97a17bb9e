package io.roster.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the endpoints' signing secrets encrypted at rest. Roster must sign with a secret, so it
 * cannot keep only a hash as for tokens; a database dump or backup alone must still not give them
 * away. Each secret is sealed with AES-256-GCM under {@code roster.webhooks.secret-key}, with a
 * fresh 96-bit nonce and the endpoint's id as associated data, so a sealed secret copied onto
 * another endpoint's row does not open. Stored as {@code v1:} + base64(nonce || ciphertext || tag).
 */
@Component
class SigningSecretVault {

    static final String SEALED_PREFIX = "v1:";
    private static final Logger log = LoggerFactory.getLogger(SigningSecretVault.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * The key of a development run when none is configured: derived from a public phrase, so it
     * protects nothing, and the start says so.
     */
    private static final String DEVELOPMENT_PHRASE = "roster development webhook secret key: not for production";

    private final SecretKeySpec key;

    SigningSecretVault(WebhookProperties properties) {
        this.key = new SecretKeySpec(keyBytes(properties.secretKey()), "AES");
    }

    private static byte[] keyBytes(String configured) {
        if (configured == null || configured.isBlank()) {
            log.warn("roster.webhooks.secret-key (ROSTER_WEBHOOKS_SECRET_KEY) is not set: webhook signing secrets are"
                    + " encrypted with a development key that anyone can derive. Set a base64 key of 32 random bytes"
                    + " (openssl rand -base64 32) before real use.");
            try {
                return MessageDigest.getInstance("SHA-256").digest(DEVELOPMENT_PHRASE.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
        return WebhookProperties.decodeKey(configured);
    }

    String seal(String endpointId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, nonce.length);
            System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
            return SEALED_PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The secret in the clear. A value still in the clear (written before secrets were sealed,
     * and not yet sealed by {@link SigningSecretSealing}) is returned as it is.
     */
    String open(String endpointId, String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the message names neither the key nor the secret
            throw new IllegalStateException("The signing secret of webhook endpoint " + endpointId
                    + " does not open with roster.webhooks.secret-key: was the key changed?");
        }
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(SEALED_PREFIX);
    }
}
