package io.roster.webhooks;

import io.roster.access.BuiltInRole;
import io.roster.access.RoleAssignments;
import io.roster.mail.MailKind;
import io.roster.mail.MailRequest;
import io.roster.mail.Outbox;
import io.roster.shared.CompanyId;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import io.roster.users.UserStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows whether each endpoint still receives anything: an endpoint that answered nothing but
 * failures for {@code roster.webhooks.disable-after} (3 days) since its first failed attempt is
 * disabled, audited as done by the system, and its owners are mailed through the mail outbox in the
 * same transaction: a company's administrators, or the platform's operators for its endpoints.
 * A delivered attempt clears the count; so does enabling the endpoint again.
 */
@Component
class FailingEndpoints {

    private static final Logger log = LoggerFactory.getLogger(FailingEndpoints.class);
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final WebhookProperties properties;
    private final ApplicationEventPublisher events;
    private final RoleAssignments assignments;
    private final Recipients recipients;
    private final Outbox mail;

    FailingEndpoints(JdbcClient jdbc, TransactionTemplate tx, WebhookProperties properties,
            ApplicationEventPublisher events, RoleAssignments assignments, Recipients recipients, Outbox mail) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.events = events;
        this.assignments = assignments;
        this.recipients = recipients;
        this.mail = mail;
    }

    void succeeded(String endpointId) {
        jdbc.sql("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL")
                .param(endpointId).update();
    }

    /** Notes a failed attempt; disables the endpoint once it has failed for long enough. */
    void failed(String endpointId) {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("UPDATE webhook_endpoints SET failing_since = ? WHERE id = ? AND failing_since IS NULL")
                .params(now, endpointId).update();
        OffsetDateTime since = jdbc.sql("SELECT failing_since FROM webhook_endpoints WHERE id = ? AND enabled = TRUE")
                .param(endpointId).query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null);
        if (since != null && !since.plus(properties.disableAfter()).isAfter(now)) {
            tx.executeWithoutResult(status -> disable(endpointId, since, now));
        }
    }

    private void disable(String endpointId, OffsetDateTime since, OffsetDateTime now) {
        record Endpoint(String companyId, String url) {
        }
        // only the node whose update finds it still enabled disables it, audits and mails
        int changed = jdbc.sql("UPDATE webhook_endpoints SET enabled = FALSE, disabled_at = ?, version = version + 1"
                        + " WHERE id = ? AND enabled = TRUE")
                .params(now, endpointId).update();
        if (changed == 0) {
            return;
        }
        Endpoint endpoint = jdbc.sql("SELECT company_id, url FROM webhook_endpoints WHERE id = ?").param(endpointId)
                .query((rs, n) -> new Endpoint(rs.getString(1), rs.getString(2))).single();
        log.warn("Webhook endpoint {} disabled: every attempt failed since {}", endpointId, since);
        events.publishEvent(new WebhookEvents.EndpointDisabled(endpoint.companyId(), endpointId, endpoint.url(),
                since.toInstant()));
        for (Recipient owner : owners(endpoint.companyId())) {
            mail.enqueue(new MailRequest(owner.email(), owner.locale(), MailKind.WEBHOOK_DISABLED,
                    List.of(owner.displayName(), endpoint.url(), SINCE.format(since)), null, null));
        }
    }

    private List<Recipient> owners(String companyId) {
        if (companyId == null) {
            return recipients.activeOperators();
        }
        return assignments.holdersOf(new CompanyId(companyId), BuiltInRole.ADMINISTRATOR.name()).stream()
                .flatMap(account -> recipients.recipient(account).stream())
                .filter(person -> person.status() == UserStatus.ACTIVE).toList();
    }
}
