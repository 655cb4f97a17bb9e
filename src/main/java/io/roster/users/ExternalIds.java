package io.roster.users;

import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.util.Optional;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The directory's own identifier of a person (SCIM {@code externalId}), kept on the company's own
 * rows only: an external user's account belongs to another company's directory.
 */
@Service
public class ExternalIds {

    static final int MAX_LENGTH = 255;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ExternalIds(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Sets (or clears, with null) the externalId of one of the company's own rows, announcing the
     * change (audited) when it is one. Callers run it in the transaction of the change it belongs to
     * (the creation of the row, or its edit), so the row and its externalId commit together.
     */
    public void keep(CompanyId company, String accountId, String externalId) {
        check(externalId);
        String before = of(company, accountId).orElse(null);
        if (Objects.equals(before, externalId)) {
            return;
        }
        Recipients.changed(accountId);
        int changed = jdbc.sql("UPDATE accounts SET external_id = ? WHERE id = ? AND home_company_id = ?")
                .params(externalId, accountId, company.value())
                .update();
        if (changed > 0) {
            events.publishEvent(new UserEvents.ExternalIdChanged(company, accountId, before, externalId));
        }
    }

    /** Refuses an externalId too long to keep (400), before anything is saved. */
    public static void check(String externalId) {
        if (externalId != null && externalId.length() > MAX_LENGTH) {
            throw Problems.InvalidInput.of("externalId", "must be at most " + MAX_LENGTH + " characters");
        }
    }

    public Optional<String> of(CompanyId company, String accountId) {
        return jdbc.sql("SELECT external_id FROM accounts WHERE id = ? AND home_company_id = ?")
                .params(accountId, company.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional().flatMap(found -> found);
    }
}
