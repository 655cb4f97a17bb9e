package io.roster.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;

/**
 * A passkey held by the test itself, for requests sent straight to Spring Security's WebAuthn
 * endpoints (no browser): an ES256 key pair whose public half is stored for an account as a
 * registration stores it (Spring's JDBC repositories, a "none" attestation), and assertions signed
 * with the private half over the challenge the server handed out. Real passkeys, made by Chromium's
 * virtual authenticator, are in the browser tests; this one lets a request test send a good
 * assertion, or one with a bad signature, from any client it likes.
 */
public final class SoftwarePasskey {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RP_ID = Pattern.compile("\"rpId\"\\s*:\\s*\"([^\"]+)\"");
    /** Authenticator data flags: user present and verified; with attested credential data at registration. */
    private static final int USER_PRESENT_AND_VERIFIED = 0x05;
    private static final int ATTESTED = 0x40;

    private final KeyPair keys;
    private final byte[] credentialId;
    private final Bytes userHandle;
    private final String origin;

    private SoftwarePasskey(KeyPair keys, byte[] credentialId, Bytes userHandle, String origin) {
        this.keys = keys;
        this.credentialId = credentialId;
        this.userHandle = userHandle;
        this.origin = origin;
    }

    /**
     * A new passkey of {@code accountId}, stored as the registration on {@code http://localhost:port}
     * (the relying party of the suite's {@code roster.public-url}) would store it.
     */
    public static SoftwarePasskey registeredFor(JdbcOperations jdbc, String accountId, int port) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] credentialId = new byte[16];
            RANDOM.nextBytes(credentialId);
            var entities = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
            PublicKeyCredentialUserEntity entity = entities.findByUsername(accountId);
            if (entity == null) {
                entity = ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name(accountId)
                        .displayName(accountId).build();
                entities.save(entity);
            }
            byte[] publicKey = coseKey((ECPublicKey) keys.getPublic());
            Instant now = Instant.now();
            new JdbcUserCredentialRepository(jdbc).save(ImmutableCredentialRecord.builder()
                    .credentialType(PublicKeyCredentialType.PUBLIC_KEY).credentialId(new Bytes(credentialId))
                    .userEntityUserId(entity.getId()).publicKey(new ImmutablePublicKeyCose(publicKey))
                    .signatureCount(0).uvInitialized(true).transports(Set.of(AuthenticatorTransport.INTERNAL))
                    .backupEligible(false).backupState(false)
                    .attestationObject(new Bytes(noneAttestation(credentialId, publicKey)))
                    .attestationClientDataJSON(new Bytes("{\"type\":\"webauthn.create\"}".getBytes(StandardCharsets.UTF_8)))
                    .created(now).lastUsed(now).label("Test key").build());
            return new SoftwarePasskey(keys, credentialId, entity.getId(), "http://localhost:" + port);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The credential id, base64url, as the API and the tables show it. */
    public String id() {
        return BASE64URL.encodeToString(credentialId);
    }

    /** The body of {@code POST /login/webauthn} answering {@code options} (the JSON of {@code /webauthn/authenticate/options}). */
    public String assertion(String options) {
        return assertion(options, false);
    }

    /** The same assertion with one byte of its signature altered: the server must refuse it. */
    public String assertionWithBadSignature(String options) {
        return assertion(options, true);
    }

    private String assertion(String options, boolean spoilt) {
        String challenge = find(CHALLENGE, options);
        String rpId = find(RP_ID, options);
        byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
        byte[] authenticatorData = ByteBuffer.allocate(37).put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
                .put((byte) USER_PRESENT_AND_VERIFIED).putInt(0).array();
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (spoilt) {
            signature[signature.length / 2] ^= 0x01;
        }
        return """
                {"id":"%1$s","rawId":"%1$s","response":{"authenticatorData":"%2$s","clientDataJSON":"%3$s",
                "signature":"%4$s","userHandle":"%5$s"},"credType":"public-key","clientExtensionResults":{},
                "authenticatorAttachment":"platform"}""".formatted(id(), BASE64URL.encodeToString(authenticatorData),
                BASE64URL.encodeToString(clientData), BASE64URL.encodeToString(signature),
                userHandle.toBase64UrlString());
    }

    private static String find(Pattern pattern, String json) {
        Matcher found = pattern.matcher(json);
        if (!found.find()) {
            throw new AssertionError("not in the options: " + pattern + " in " + json);
        }
        return found.group(1);
    }

    /** The public key as COSE (RFC 9053): EC2, ES256, P-256, x and y, in CBOR. */
    private static byte[] coseKey(ECPublicKey key) {
        ByteArrayOutputStream cose = new ByteArrayOutputStream();
        cose.writeBytes(new byte[] {(byte) 0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20});
        cose.writeBytes(coordinate(key.getW().getAffineX()));
        cose.writeBytes(new byte[] {0x22, 0x58, 0x20});
        cose.writeBytes(coordinate(key.getW().getAffineY()));
        return cose.toByteArray();
    }

    /** A coordinate as exactly 32 bytes, big-endian (BigInteger may add a sign byte or drop leading zeros). */
    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return fixed;
    }

    /** A "none" attestation object (CBOR) whose authenticator data carries the new credential. */
    private static byte[] noneAttestation(byte[] credentialId, byte[] publicKey) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(sha256("localhost".getBytes(StandardCharsets.UTF_8)));
        data.write(USER_PRESENT_AND_VERIFIED | ATTESTED);
        data.writeBytes(new byte[4]);
        data.writeBytes(new byte[16]);
        data.write(credentialId.length >> 8);
        data.write(credentialId.length & 0xFF);
        data.writeBytes(credentialId);
        data.writeBytes(publicKey);
        byte[] authData = data.toByteArray();
        ByteArrayOutputStream cbor = new ByteArrayOutputStream();
        cbor.write(0xA3);
        text(cbor, "fmt");
        text(cbor, "none");
        text(cbor, "attStmt");
        cbor.write(0xA0);
        text(cbor, "authData");
        cbor.write(0x59);
        cbor.write(authData.length >> 8);
        cbor.write(authData.length & 0xFF);
        cbor.writeBytes(authData);
        return cbor.toByteArray();
    }

    private static void text(ByteArrayOutputStream cbor, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        cbor.write(0x60 + bytes.length);
        cbor.writeBytes(bytes);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
