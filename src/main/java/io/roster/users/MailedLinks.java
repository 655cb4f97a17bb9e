package io.roster.users;

import io.roster.shared.EmailAddress;
import io.roster.shared.Problems;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a link mailed to the person applies once they follow it: the link proves they read that
 * address. A password set (account setup, forgotten password), an email change confirmed from the
 * new address or cancelled from the old one.
 */
@Service
public class MailedLinks {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;

    MailedLinks(JdbcClient jdbc, Accounts accounts, Passwords passwords, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
    }

    /**
     * Sets the password through a link mailed to the person, which also proves the email. The
     * password policy applies; a refusal says what to fix.
     */
    @Transactional
    public void setPasswordFromLink(String accountId, String password) {
        PasswordPolicy.problemOf(password).ifPresent(problem -> {
            throw Problems.InvalidInput.of(problem.asFieldError("password"));
        });
        Recipients.changed(accountId);
        jdbc.sql("UPDATE accounts SET password_hash = ?, email_verified = TRUE, version = version + 1, updated_at = ?"
                        + " WHERE id = ?")
                .params(passwords.hash(password), Instant.now().atOffset(ZoneOffset.UTC), accountId)
                .update();
        accounts.byId(accountId).ifPresent(account -> events.publishEvent(new UserEvents.PasswordChanged(accountId,
                account.userId(), account.homeCompanyId(), account.homePartnerId())));
    }

    /**
     * The new address proved itself through the link mailed to it: it becomes the account's email,
     * verified. False when that change is no longer pending (cancelled or replaced by another).
     * Another account may have claimed the address meanwhile: then 409, and nothing changes.
     */
    @Transactional
    public boolean confirmEmail(String accountId, String email) {
        Optional<String> pending = jdbc.sql("SELECT pending_email FROM accounts WHERE id = ? FOR UPDATE")
                .param(accountId).query(String.class).optional()
                .filter(address -> address != null && EmailAddress.keyOf(address).equals(EmailAddress.keyOf(email)));
        if (pending.isEmpty()) {
            return false;
        }
        String previous = accounts.byId(accountId).map(Credentials::email).orElse(null);
        try {
            setEmail(accountId, pending.get());
        } catch (DuplicateKeyException taken) {
            throw new Problems.Conflict("email-taken", "Another account uses this email now: ask your administrator"
                    + " to choose another address");
        }
        accounts.byId(accountId).ifPresent(account -> events.publishEvent(new UserEvents.EmailConfirmed(accountId,
                account.userId(), account.email(), previous, account.homeCompanyId(), account.homePartnerId())));
        return true;
    }

    /**
     * The old address cancels a change to {@code newEmail}: a pending change is dropped; one already
     * confirmed is undone, back to {@code oldEmail} (verified: the person just proved it). False
     * when there is nothing to cancel any more (another change happened since).
     */
    @Transactional
    public boolean cancelEmailChange(String accountId, String oldEmail, String newEmail) {
        record State(String email, String pending) {
        }
        Optional<State> state = jdbc.sql("SELECT email, pending_email FROM accounts WHERE id = ? FOR UPDATE")
                .param(accountId).query((rs, n) -> new State(rs.getString(1), rs.getString(2))).optional();
        if (state.isEmpty()) {
            return false;
        }
        String newKey = EmailAddress.keyOf(newEmail);
        boolean pending = state.get().pending() != null && EmailAddress.keyOf(state.get().pending()).equals(newKey);
        boolean applied = EmailAddress.keyOf(state.get().email()).equals(newKey);
        if (pending) {
            Recipients.changed(accountId);
            jdbc.sql("UPDATE accounts SET pending_email = NULL, version = version + 1, updated_at = ? WHERE id = ?")
                    .params(Instant.now().atOffset(ZoneOffset.UTC), accountId).update();
        } else if (applied) {
            try {
                setEmail(accountId, oldEmail);
            } catch (DuplicateKeyException taken) {
                throw new Problems.Conflict("email-taken", "Another account uses your former email now: ask your"
                        + " administrator for help");
            }
        } else {
            return false;
        }
        accounts.byId(accountId).ifPresent(account -> events.publishEvent(new UserEvents.EmailChangeCancelled(accountId,
                account.userId(), account.email(), newEmail, applied, account.homeCompanyId(), account.homePartnerId())));
        return true;
    }

    /** A proven address becomes the account's email; whatever change was pending is dropped. */
    private void setEmail(String accountId, String email) {
        Recipients.changed(accountId);
        jdbc.sql("UPDATE accounts SET email = ?, email_key = ?, email_sort = ?, email_verified = TRUE,"
                        + " pending_email = NULL, version = version + 1, updated_at = ? WHERE id = ?")
                .params(email, EmailAddress.keyOf(email), UserRows.sortKey(email), Instant.now().atOffset(ZoneOffset.UTC),
                        accountId)
                .update();
    }
}
