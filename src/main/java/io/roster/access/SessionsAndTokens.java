package io.roster.access;

import io.roster.users.UserEvents;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends an account's console sessions (deleted from the shared session store, whatever node made
 * them) and revokes its API tokens, in the transaction of the change that calls for it:
 * deactivation blocks the account at once (docs/rules.md §3); a new password ends every other session and
 * token, since whoever knew the old password may hold them (docs/rules.md §13); an email change undone from
 * the old address ends them all, since whoever confirmed the new address may hold them.
 */
@Component
class SessionsAndTokens {

    private final JdbcClient jdbc;

    SessionsAndTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UserEvents.UserDeactivated event) {
        endAllBut(event.accountId(), null, null);
    }

    /** The session or token the new password was set with stays: the person just proved it. */
    @EventListener
    void on(UserEvents.PasswordChanged event) {
        Optional<Caller> self = currentCaller().filter(caller -> caller.accountId().equals(event.accountId()));
        String keptToken = self.map(Caller::tokenId).orElse(null);
        String keptSession = self.filter(caller -> caller.tokenId() == null).map(caller -> currentSessionId()).orElse(null);
        endAllBut(event.accountId(), keptSession, keptToken);
    }

    @EventListener
    void on(UserEvents.EmailChangeCancelled event) {
        if (event.reverted()) {
            endAllBut(event.accountId(), null, null);
        }
    }

    private void endAllBut(String accountId, String keptSessionId, String keptTokenId) {
        jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL AND id <> ?")
                .params(Instant.now().atOffset(ZoneOffset.UTC), accountId, keptTokenId == null ? "" : keptTokenId)
                .update();
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ? AND session_id <> ?")
                .params(accountId, keptSessionId == null ? "" : keptSessionId)
                .update();
    }

    private static Optional<Caller> currentCaller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
