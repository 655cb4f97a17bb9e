package io.roster.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device cookies, after OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a browser
 * where a person signed in gets a cookie naming that account, signed with a key every node shares.
 * An attempt carrying a valid one is throttled by that device alone, so someone who only knows the
 * person's email cannot lock them out of the browser they always use. The cookie is
 * {@code accountId.nonce.issuedAt.hmac}; the nonce tells devices apart, so one that fails too
 * often is locked on its own.
 */
@Component
class DeviceCookies {

    static final String NAME = "roster-device";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_ROW = 1;
    private static final int LONGEST_VALUE = 300;
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Duration lifetime;
    private final boolean secureCookies;
    private volatile SecretKeySpec key;

    DeviceCookies(JdbcClient jdbc, PlatformTransactionManager transactions,
            AccessProperties properties, SessionCookieProperties sessionCookie) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.lifetime = properties.signIn().deviceCookieLifetime();
        this.secureCookies = sessionCookie.secure();
    }

    /** A valid device cookie: the account it was given to and the device's own throttle key. */
    record Device(String accountId, String nonce) {
        String throttleKey() {
            return SignInThrottle.deviceKey(accountId, nonce);
        }
    }

    /** The Set-Cookie of a new device cookie for {@code accountId}: HttpOnly, SameSite, Secure behind HTTPS. */
    ResponseCookie issue(String accountId, boolean secureRequest) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = accountId + "." + BASE64.encodeToString(nonce) + "." + Instant.now().getEpochSecond();
        return ResponseCookie.from(NAME, payload + "." + sign(payload)).path("/").httpOnly(true).sameSite("Strict")
                .secure(secureCookies || secureRequest).maxAge(lifetime).build();
    }

    /** The device of {@code value} when it is genuine, unexpired and was given to {@code accountId}. */
    Optional<Device> of(String value, String accountId) {
        if (value == null || accountId == null || value.length() > LONGEST_VALUE) {
            return Optional.empty();
        }
        int lastDot = value.lastIndexOf('.');
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(accountId) || parts[1].isEmpty()) {
            return Optional.empty();
        }
        byte[] expected = sign(value.substring(0, lastDot)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII)) || !fresh(parts[2])) {
            return Optional.empty();
        }
        return Optional.of(new Device(parts[0], parts[1]));
    }

    private boolean fresh(String issuedAt) {
        try {
            Instant issued = Instant.ofEpochSecond(Long.parseLong(issuedAt));
            return issued.plus(lifetime).isAfter(Instant.now());
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The shared key: read once per node; the first node ever to need it makes it. */
    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            String secret = stored().orElseGet(this::create);
            known = new SecretKeySpec(Base64.getDecoder().decode(secret), ALGORITHM);
            key = known;
        }
        return known;
    }

    private Optional<String> stored() {
        return jdbc.sql("SELECT secret FROM device_cookie_keys WHERE id = ?").param(KEY_ROW).query(String.class)
                .optional();
    }

    private String create() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        try {
            ownTransaction.executeWithoutResult(status -> jdbc
                    .sql("INSERT INTO device_cookie_keys (id, secret, created_at) VALUES (?, ?, ?)")
                    .params(KEY_ROW, Base64.getEncoder().encodeToString(secret), Instant.now().atOffset(ZoneOffset.UTC))
                    .update());
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // fall through: the row that won is the key of every node
        }
        return stored().orElseThrow();
    }
}
