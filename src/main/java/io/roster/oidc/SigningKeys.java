package io.roster.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.roster.shared.Ids;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys every node signs tokens with, kept in {@code oidc_signing_keys} so that all nodes sign
 * with the same keys and publish the same JWKS: an RSA-2048 key (RS256: ID tokens by default, and
 * access tokens when {@code roster.oidc.access-token-algorithm} is RS256) and an EC P-256 key (ES256:
 * access tokens by default and the ID tokens of clients that registered ES256, about ten times
 * cheaper to sign). Of each kind, the newest key that is not
 * retired signs; a key retired by a rotation stays in the JWKS, public part only, until every token
 * it signed has expired ({@code roster.oidc.retired-key-kept}). Read from the database at most every
 * few seconds: after a rotation on one node, the others switch within that delay, and the keys they
 * still sign with meanwhile are in the JWKS.
 */
@Service
public class SigningKeys implements JWKSource<SecurityContext> {

    private static final Duration REREAD_AFTER = Duration.ofSeconds(5);
    /** The kinds of key every node signs with: RSA for RS256, EC (P-256) for ES256. */
    private static final List<KeyType> KINDS = List.of(KeyType.RSA, KeyType.EC);

    private final JdbcClient jdbc;
    private final OidcProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private volatile Loaded loaded;

    SigningKeys(JdbcClient jdbc, OidcProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    /** The keys read at one moment: the signing key first, then the retired ones still published. */
    private record Loaded(List<JWK> keys, Instant at) {
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(keys()));
    }

    /**
     * The signing keys (one RSA, one EC, private) first, then the retired ones (public only), newest
     * first: the encoder signs with the first key of the header's kind it is offered (see
     * {@link OidcServerConfig}).
     */
    List<JWK> keys() {
        Loaded current = loaded;
        if (current == null || current.at().plus(REREAD_AFTER).isBefore(clock.instant())) {
            current = load();
            loaded = current;
        }
        return current.keys();
    }

    /**
     * What the operator's rotation answers: the new RSA key's id (RS256), the new EC key's id (ES256)
     * and the ids still published.
     */
    public record Rotation(String keyId, String ecKeyId, List<String> publishedKeyIds) {
    }

    /**
     * Makes a new RSA and a new EC signing key and retires the current ones, which stay published
     * until their tokens have expired. Every node signs with the new keys within a few seconds.
     */
    @Transactional
    public Rotation rotate(String byAccountId) {
        Instant now = clock.instant();
        List<String> previous = jdbc.sql("SELECT kid FROM oidc_signing_keys WHERE retired_at IS NULL")
                .query(String.class).list();
        jdbc.sql("UPDATE oidc_signing_keys SET retired_at = ? WHERE retired_at IS NULL").param(utc(now)).update();
        String kid = insertNewKey(KeyType.RSA, now.plusMillis(1));
        String ecKid = insertNewKey(KeyType.EC, now.plusMillis(1));
        jdbc.sql("DELETE FROM oidc_signing_keys WHERE retired_at IS NOT NULL AND retired_at < ?")
                .param(utc(now.minus(properties.retiredKeyKept()))).update();
        loaded = null;
        events.publishEvent(new OidcEvents.SigningKeyRotated(kid, ecKid, previous, byAccountId));
        return new Rotation(kid, ecKid, keys().stream().map(JWK::getKeyID).toList());
    }

    private Loaded load() {
        Instant now = clock.instant();
        List<JWK> keys = new ArrayList<>();
        List<StoredKey> stored = read(now);
        boolean made = false;
        for (KeyType type : KINDS) {
            if (stored.stream().noneMatch(key -> key.retiredAt() == null && type.equals(key.jwk().getKeyType()))) {
                // the first start of the first node (or the first start of a version that signs
                // with this kind too); nodes starting together may each make one: the newest
                // signs everywhere, the other is published as well
                insertNewKey(type, now);
                made = true;
            }
        }
        if (made) {
            stored = read(now);
        }
        List<JWK> retired = new ArrayList<>();
        Set<KeyType> signing = new HashSet<>();
        for (StoredKey key : stored) {
            if (key.retiredAt() == null && signing.add(key.jwk().getKeyType())) {
                keys.add(key.jwk());
            } else {
                retired.add(key.jwk().toPublicJWK());
            }
        }
        keys.addAll(retired);
        return new Loaded(List.copyOf(keys), now);
    }

    private record StoredKey(JWK jwk, Instant retiredAt) {
    }

    private List<StoredKey> read(Instant now) {
        return jdbc.sql("SELECT jwk, retired_at FROM oidc_signing_keys WHERE retired_at IS NULL OR retired_at >= ?"
                        + " ORDER BY CASE WHEN retired_at IS NULL THEN 0 ELSE 1 END, created_at DESC, kid DESC")
                .param(utc(now.minus(properties.retiredKeyKept())))
                .query((rs, n) -> {
                    OffsetDateTime retired = rs.getObject(2, OffsetDateTime.class);
                    return new StoredKey(parse(rs.getString(1)), retired == null ? null : retired.toInstant());
                })
                .list();
    }

    private String insertNewKey(KeyType type, Instant at) {
        String kid = Ids.newId();
        JWK key;
        try {
            key = KeyType.EC.equals(type)
                    ? new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                            .generate()
                    : new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                            .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make an " + type + " signing key", e);
        }
        jdbc.sql("INSERT INTO oidc_signing_keys (kid, jwk, created_at, retired_at) VALUES (?, ?, ?, NULL)")
                .params(kid, key.toJSONString(), utc(at)).update();
        return kid;
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A signing key in oidc_signing_keys is not a JWK", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
