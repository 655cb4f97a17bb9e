package io.roster.users;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * How rows of a company's Users table come into being, one typed in a form or the API
 * ({@link UserLifecycle#create}) or a batch of an import ({@link UserImport}): written through the
 * one account INSERT, each announced by a UserCreated read off the row as saved. Audit, mails and
 * notifications therefore cannot tell an imported row from a typed one with the same fields.
 */
@Component
class RowCreation {

    private final AccountRows accounts;
    private final ApplicationEventPublisher events;

    RowCreation(AccountRows accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    void save(NewAccount row) {
        accounts.insert(row);
        events.publishEvent(row.created());
    }

    /** One JDBC batch for all the rows, then their events in the same order. */
    void saveAll(List<NewAccount> rows) {
        accounts.insertAll(rows);
        rows.forEach(row -> events.publishEvent(row.created()));
    }
}
