package io.roster.oidc;

import io.roster.shared.BatchedPurge;
import io.roster.shared.Retention;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Purges the apps' authorizations once nothing in them can be used any more: every token they hold
 * (code, access, ID, refresh) expired more than {@code ROSTER_OIDC_EXPIRED_AUTHORIZATIONS_KEPT} ago.
 * A refresh replaces the tokens in place, so a person still refreshing keeps their row. Then the
 * sign-in records ({@code oidc_sign_ins}) left without their authorization go too: they only say
 * which company an authorization signed its person in to, for revocation.
 */
@Component
class AuthorizationRetention implements Retention {

    /** Every expiry column of oauth2_authorization: a row goes when none of them is recent. */
    private static final String ALL_EXPIRED = expiredBefore("authorization_code_expires_at")
            + " AND " + expiredBefore("access_token_expires_at")
            + " AND " + expiredBefore("oidc_id_token_expires_at")
            + " AND " + expiredBefore("refresh_token_expires_at")
            + " AND " + expiredBefore("user_code_expires_at")
            + " AND " + expiredBefore("device_code_expires_at")
            // a request still on its way to a code holds no token yet; it is short-lived, but it is
            // left alone here so a sign-in under way is never cut
            + " AND (authorization_code_expires_at IS NOT NULL OR access_token_expires_at IS NOT NULL"
            + " OR refresh_token_expires_at IS NOT NULL)";

    private final BatchedPurge purge;
    private final Duration kept;

    AuthorizationRetention(BatchedPurge purge, OidcProperties properties) {
        this.purge = purge;
        this.kept = properties.expiredAuthorizationsKept();
    }

    private static String expiredBefore(String column) {
        return "(" + column + " IS NULL OR " + column + " < :cutoff)";
    }

    @Override
    public String purgedRows() {
        return "app authorizations whose tokens all expired more than " + kept + " ago, and their sign-in records";
    }

    @Override
    public int purge(Instant now) {
        OffsetDateTime cutoff = now.minus(kept).atOffset(ZoneOffset.UTC);
        int authorizations = purge.delete("oauth2_authorization", "id", ALL_EXPIRED, Map.of("cutoff", cutoff));
        // the record is written while the tokens are made, just before the authorization is saved:
        // only old records without an authorization are orphans, not ones being written
        int signIns = purge.delete("oidc_sign_ins", "authorization_id", "signed_in_at < :cutoff AND NOT EXISTS"
                + " (SELECT 1 FROM oauth2_authorization a WHERE a.id = oidc_sign_ins.authorization_id)",
                Map.of("cutoff", cutoff));
        return authorizations + signIns;
    }
}
