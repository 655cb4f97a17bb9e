package io.roster.users;

import io.roster.shared.FieldErrors;
import io.roster.shared.Problems;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in person changes on their own account, whatever its home: their names, language
 * and notification choices, and their password (proving the current one).
 */
@Service
public class OwnProfile {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Recipients recipients;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;
    private final NameWords words;

    OwnProfile(JdbcClient jdbc, Accounts accounts, Recipients recipients, Passwords passwords,
            ApplicationEventPublisher events, NameWords words) {
        this.jdbc = jdbc;
        this.words = words;
        this.accounts = accounts;
        this.recipients = recipients;
        this.passwords = passwords;
        this.events = events;
    }

    /** The person's own preferences: language and how to be told of what concerns them (docs/rules.md §17). */
    @Transactional
    public void updatePreferences(String accountId, String locale, boolean notifyInApp, boolean notifyEmail) {
        if (!"en".equals(locale) && !"fr".equals(locale)) {
            throw Problems.InvalidInput.of("locale", "must be 'en' or 'fr'");
        }
        Recipients.changed(accountId);
        jdbc.sql("UPDATE accounts SET locale = ?, locale_chosen = TRUE, notify_in_app = ?, notify_email = ?,"
                        + " version = version + 1, updated_at = ? WHERE id = ?")
                .params(locale, notifyInApp, notifyEmail, Instant.now().atOffset(ZoneOffset.UTC), accountId)
                .update();
        events.publishEvent(new UserEvents.PreferencesChanged(accountId, locale, notifyInApp, notifyEmail));
    }

    /**
     * The language the console speaks to a person who just signed in: the saved one, except for an
     * account created without a language (docs/rules.md §17), which takes the browser's
     * ({@code browserLanguage}, en or fr) now, once, as if the person had chosen it.
     */
    @Transactional
    public String languageAtSignIn(String accountId, String browserLanguage) {
        if ("en".equals(browserLanguage) || "fr".equals(browserLanguage)) {
            Recipients.changed(accountId);
            int taken = jdbc.sql("UPDATE accounts SET locale = ?, locale_chosen = TRUE, version = version + 1,"
                            + " updated_at = ? WHERE id = ? AND locale_chosen = FALSE")
                    .params(browserLanguage, Instant.now().atOffset(ZoneOffset.UTC), accountId)
                    .update();
            if (taken == 1) {
                recipients.recipient(accountId).ifPresent(person -> events.publishEvent(new UserEvents.PreferencesChanged(
                        accountId, browserLanguage, person.notifyInApp(), person.notifyEmail())));
            }
        }
        return recipients.recipient(accountId).map(Recipient::locale).orElse(null);
    }

    /**
     * The person changes their own first and last name (own profile, docs/rules.md §17). Both stay
     * present and fit their columns; the Users table of the home company, if any, shows the new names.
     */
    @Transactional
    public void updateOwnNames(String accountId, String firstName, String lastName) {
        String first = trim(firstName);
        String last = trim(lastName);
        new FieldErrors().required("firstName", first).required("lastName", last)
                .maxLength("firstName", first, Limits.NAME).maxLength("lastName", last, Limits.NAME).throwIfAny();
        Recipient before = recipients.recipient(accountId)
                .orElseThrow(() -> new Problems.NotFound("No account " + accountId));
        Recipients.changed(accountId);
        jdbc.sql("UPDATE accounts SET first_name = ?, last_name = ?, first_name_sort = ?, last_name_sort = ?,"
                        + " version = version + 1, updated_at = ? WHERE id = ?")
                .params(first, last, UserRows.sortKey(first), UserRows.sortKey(last),
                        Instant.now().atOffset(ZoneOffset.UTC), accountId)
                .update();
        words.replace(accountId, first, last);
        events.publishEvent(new UserEvents.OwnNamesChanged(accountId, before.homeCompanyId(), before.firstName(),
                before.lastName(), first, last));
    }

    /**
     * The person changes their own password, proving the current one. A wrong current password is
     * refused with {@link WrongPassword} (sign-in's throttle counts those); the new one must pass
     * the password policy. The security mail follows ({@link UserEvents.PasswordChanged}).
     */
    @Transactional
    public void changeOwnPassword(String accountId, String currentPassword, String newPassword) {
        String hash = jdbc.sql("SELECT password_hash FROM accounts WHERE id = ? FOR UPDATE").param(accountId)
                .query(String.class).optional().orElse(null);
        if (currentPassword == null || currentPassword.isEmpty() || !passwords.matches(currentPassword, hash)) {
            throw new WrongPassword();
        }
        PasswordPolicy.problemOf(newPassword).ifPresent(problem -> {
            throw Problems.InvalidInput.of(problem.asFieldError("newPassword"));
        });
        Recipients.changed(accountId);
        jdbc.sql("UPDATE accounts SET password_hash = ?, version = version + 1, updated_at = ? WHERE id = ?")
                .params(passwords.hash(newPassword), Instant.now().atOffset(ZoneOffset.UTC), accountId)
                .update();
        accounts.byId(accountId).ifPresent(account -> events.publishEvent(new UserEvents.PasswordChanged(accountId,
                account.userId(), account.homeCompanyId(), account.homePartnerId())));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
