package io.roster.access;

import io.roster.users.UserEvents;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SPEC §3: deactivation blocks the account at once. In the deactivation's own transaction, every
 * API token of the account is revoked (so a later reactivation does not revive them) and every
 * console session is deleted from the shared session store, whatever node created it.
 */
@Component
class LockOutOnDeactivation {

    private final JdbcClient jdbc;

    LockOutOnDeactivation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UserEvents.UserDeactivated event) {
        jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
                .params(Instant.now().atOffset(ZoneOffset.UTC), event.accountId())
                .update();
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(event.accountId()).update();
    }
}
