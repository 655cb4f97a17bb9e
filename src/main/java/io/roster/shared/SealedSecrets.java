package io.roster.shared;

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

/**
 * Secrets Roster must read back (webhook signing secrets, authenticator apps' keys), kept encrypted
 * at rest: a database dump or backup alone does not give them away. Each is sealed with
 * AES-256-GCM under a key from the configuration, with a fresh 96-bit nonce and the id of the row
 * it belongs to as associated data, so a sealed value copied onto another row does not open.
 * Stored as {@code v1:} + base64(nonce || ciphertext || tag). A value without the prefix was
 * written in the clear before sealing began and is read as it is until it is sealed.
 */
public final class SealedSecrets {

    public static final String SEALED_PREFIX = "v1:";
    private static final Logger log = LoggerFactory.getLogger(SealedSecrets.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String setting;

    private SealedSecrets(byte[] key, String setting) {
        this.key = new SecretKeySpec(key, "AES");
        this.setting = setting;
    }

    /**
     * Seals under the configured key, named in messages by {@code setting} (such as
     * {@code roster.webhooks.secret-key (ROSTER_WEBHOOKS_SECRET_KEY)}). An empty key stands for a
     * development key derived from {@code developmentPhrase}: it protects nothing, and the start says so.
     */
    public static SealedSecrets withKey(String configured, String setting, String developmentPhrase) {
        if (configured == null || configured.isBlank()) {
            log.warn("{} is not set: secrets are encrypted at rest with a development key that anyone can derive."
                    + " Set a base64 key of 32 random bytes (openssl rand -base64 32) before real use.", setting);
            try {
                return new SealedSecrets(MessageDigest.getInstance("SHA-256")
                        .digest(developmentPhrase.getBytes(StandardCharsets.UTF_8)), setting);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }
        return new SealedSecrets(decodeKey(configured, setting), setting);
    }

    /** The key's bytes; refuses, naming the setting but never echoing it, anything but 32 base64 bytes. */
    public static byte[] decodeKey(String configured, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(setting + " must be the base64 of 32 random bytes, such as the output of:"
                    + " openssl rand -base64 32");
        }
        return key;
    }

    /** {@code secret} sealed for the row {@code boundTo}. */
    public String seal(String boundTo, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
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
     * The secret in the clear; a value still in the clear is returned as it is. A sealed value that
     * does not open (another key, another row) is an {@link IllegalStateException} naming neither
     * the key nor the secret.
     */
    public String open(String boundTo, String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The secret sealed for " + boundTo + " does not open with " + setting
                    + ": was the key changed?");
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(SEALED_PREFIX);
    }
}
