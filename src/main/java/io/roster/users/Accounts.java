package io.roster.users;

import io.roster.shared.EmailAddress;
import io.roster.shared.FieldErrors;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import org.springframework.dao.DuplicateKeyException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts seen across tenants: sign-in lookups and the platform operator. */
@Service
public class Accounts {

    private static final String CREDENTIAL_COLUMNS =
            "id, user_id_key, email, status, operator, home_company_id, home_partner_id, password_hash";

    private final JdbcClient jdbc;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;

    Accounts(JdbcClient jdbc, Passwords passwords, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
    }

    /** Finds an account by its email (any case) or its userId, as typed at sign-in. */
    public Optional<Credentials> byLogin(String login) {
        if (login == null || login.isBlank() || login.length() > 320) {
            return Optional.empty();
        }
        String key = login.trim();
        // An email signs in only once verified (a changed email is confirmed before use, docs/rules.md §3).
        String where = key.contains("@") ? "email_key = ? AND email_verified = TRUE" : "user_id_key = ?";
        return jdbc.sql("SELECT " + CREDENTIAL_COLUMNS + " FROM accounts WHERE " + where)
                .param(key.contains("@") ? EmailAddress.keyOf(key) : key.toLowerCase(Locale.ROOT))
                .query(Accounts::credentials)
                .optional();
    }

    public Optional<Credentials> byId(String accountId) {
        return jdbc.sql("SELECT " + CREDENTIAL_COLUMNS + " FROM accounts WHERE id = ?")
                .param(accountId)
                .query(Accounts::credentials)
                .optional();
    }

    /** Who a mail about this account goes to, and in which language. */
    public record Recipient(String accountId, String firstName, String lastName, String email, String locale,
            String homeCompanyId, UserStatus status, boolean emailVerified, boolean notifyInApp, boolean notifyEmail) {

        public String displayName() {
            String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
            return name.isEmpty() ? email : name;
        }
    }

    public Optional<Recipient> recipient(String accountId) {
        return jdbc.sql("SELECT id, first_name, last_name, email, locale, home_company_id, status, email_verified,"
                        + " notify_in_app, notify_email FROM accounts WHERE id = ?")
                .param(accountId)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), UserStatus.valueOf(rs.getString(7)), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getBoolean(10)))
                .optional();
    }

    /** The account that holds this email, if any, whatever its status. */
    public Optional<Recipient> byEmail(String email) {
        if (email == null || email.length() > 320) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM accounts WHERE email_key = ?")
                .param(EmailAddress.keyOf(email)).query(String.class).optional().flatMap(this::recipient);
    }

    /** The ACTIVE account that signs in with this email, if any (forgot-password). */
    public Optional<Recipient> activeByEmail(String email) {
        if (email == null || email.length() > 320) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM accounts WHERE email_key = ? AND status = 'ACTIVE'")
                .param(EmailAddress.keyOf(email)).query(String.class).optional().flatMap(this::recipient);
    }

    /**
     * Sets the password through a link mailed to the person, which also proves the email. The
     * password policy applies; a refusal says what to fix.
     */
    @Transactional
    public void setPasswordFromLink(String accountId, String password) {
        PasswordPolicy.problemOf(password).ifPresent(problem -> {
            throw Problems.InvalidInput.of("password", problem);
        });
        jdbc.sql("UPDATE accounts SET password_hash = ?, email_verified = TRUE, version = version + 1, updated_at = ?"
                        + " WHERE id = ?")
                .params(passwords.hash(password), Instant.now().atOffset(ZoneOffset.UTC), accountId)
                .update();
        publishPasswordChanged(accountId);
    }

    private void publishPasswordChanged(String accountId) {
        byId(accountId).ifPresent(account -> events.publishEvent(new UserEvents.PasswordChanged(accountId,
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
        String previous = byId(accountId).map(Credentials::email).orElse(null);
        try {
            setEmail(accountId, pending.get());
        } catch (DuplicateKeyException taken) {
            throw new Problems.Conflict("email-taken", "Another account uses this email now: ask your administrator"
                    + " to choose another address");
        }
        byId(accountId).ifPresent(account -> events.publishEvent(new UserEvents.EmailConfirmed(accountId,
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
        byId(accountId).ifPresent(account -> events.publishEvent(new UserEvents.EmailChangeCancelled(accountId,
                account.userId(), account.email(), newEmail, applied, account.homeCompanyId(), account.homePartnerId())));
        return true;
    }

    /** A proven address becomes the account's email; whatever change was pending is dropped. */
    private void setEmail(String accountId, String email) {
        jdbc.sql("UPDATE accounts SET email = ?, email_key = ?, email_sort = ?, email_verified = TRUE,"
                        + " pending_email = NULL, version = version + 1, updated_at = ? WHERE id = ?")
                .params(email, EmailAddress.keyOf(email), UserRows.sortKey(email), Instant.now().atOffset(ZoneOffset.UTC),
                        accountId)
                .update();
    }

    /** The person's own preferences: language and how to be told of what concerns them (docs/rules.md §17). */
    @Transactional
    public void updatePreferences(String accountId, String locale, boolean notifyInApp, boolean notifyEmail) {
        if (!"en".equals(locale) && !"fr".equals(locale)) {
            throw Problems.InvalidInput.of("locale", "must be 'en' or 'fr'");
        }
        jdbc.sql("UPDATE accounts SET locale = ?, notify_in_app = ?, notify_email = ?, version = version + 1,"
                        + " updated_at = ? WHERE id = ?")
                .params(locale, notifyInApp, notifyEmail, Instant.now().atOffset(ZoneOffset.UTC), accountId)
                .update();
        events.publishEvent(new UserEvents.PreferencesChanged(accountId, locale, notifyInApp, notifyEmail));
    }

    /**
     * The person changes their own first and last name (own profile, docs/rules.md §17). Both stay present
     * and fit their columns; the Users table of the home company, if any, shows the new names.
     */
    @Transactional
    public void updateOwnNames(String accountId, String firstName, String lastName) {
        String first = trim(firstName);
        String last = trim(lastName);
        new FieldErrors().required("firstName", first).required("lastName", last)
                .maxLength("firstName", first, Limits.NAME).maxLength("lastName", last, Limits.NAME).throwIfAny();
        Recipient before = recipient(accountId).orElseThrow(() -> new Problems.NotFound("No account " + accountId));
        jdbc.sql("UPDATE accounts SET first_name = ?, last_name = ?, first_name_sort = ?, last_name_sort = ?,"
                        + " version = version + 1, updated_at = ? WHERE id = ?")
                .params(first, last, UserRows.sortKey(first), UserRows.sortKey(last),
                        Instant.now().atOffset(ZoneOffset.UTC), accountId)
                .update();
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
            throw Problems.InvalidInput.of("newPassword", problem);
        });
        jdbc.sql("UPDATE accounts SET password_hash = ?, version = version + 1, updated_at = ? WHERE id = ?")
                .params(passwords.hash(newPassword), Instant.now().atOffset(ZoneOffset.UTC), accountId)
                .update();
        publishPasswordChanged(accountId);
    }

    /**
     * Whether the platform operator exists: the row that {@link #createOperator} writes with it
     * (read from the database, so every node agrees).
     */
    public boolean operatorExists() {
        return jdbc.sql("SELECT COUNT(*) FROM platform_setup").query(Long.class).single() > 0;
    }

    /**
     * Creates the platform operator from {@code ROSTER_BOOTSTRAP_ADMIN_EMAIL} and
     * {@code ROSTER_BOOTSTRAP_ADMIN_PASSWORD}: named "Platform Operator", speaking English.
     */
    @Transactional
    public String createOperator(EmailAddress email, String password) {
        PasswordPolicy.problemOf(password).ifPresent(problem -> {
            throw new IllegalArgumentException("ROSTER_BOOTSTRAP_ADMIN_PASSWORD is refused: " + problem);
        });
        return createOperator(new NewOperator(email.value(), "Platform", "Operator", password, "en"),
                UserEvents.OperatorCreated.Source.ENVIRONMENT);
    }

    /**
     * Creates the platform operator: an ACTIVE account of no company, its email verified. Its
     * userId is taken from the email's local part, made unique if needed. There is only ever one
     * first operator: the {@code platform_setup} row goes in first, under a fixed key, so a
     * concurrent creation fails there (a {@link org.springframework.dao.DataAccessException}) and
     * leaves nothing behind. Field errors are {@link Problems.InvalidInput}; an email some account
     * already uses is a 409 {@code email-taken}.
     */
    @Transactional
    public String createOperator(NewOperator operator, UserEvents.OperatorCreated.Source source) {
        String email = trim(operator.email());
        String first = trim(operator.firstName());
        String last = trim(operator.lastName());
        FieldErrors errors = new FieldErrors().required("email", email).required("firstName", first)
                .required("lastName", last).maxLength("firstName", first, Limits.NAME)
                .maxLength("lastName", last, Limits.NAME).maxLength("email", email, Limits.EMAIL);
        if (email != null && !email.isBlank() && email.length() <= Limits.EMAIL && !EmailAddress.isValid(email)) {
            errors.add("email", "is not a valid email address");
        }
        PasswordPolicy.problemOf(operator.password()).ifPresent(problem -> errors.add("password", problem));
        errors.throwIfAny();
        String id = Ids.newId();
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO platform_setup (id, operator_account_id, created_at) VALUES (1, ?, ?)")
                .params(id, now).update();
        EmailAddress address = new EmailAddress(email);
        if (jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email_key = ?").param(address.key()).query(Long.class)
                .single() > 0) {
            throw new Problems.Conflict("email-taken", ActivationPolicy.EMAIL_TAKEN);
        }
        String userId = freeUserId(address.value().substring(0, address.value().indexOf('@')));
        String locale = "fr".equals(operator.locale()) ? "fr" : "en";
        jdbc.sql("INSERT INTO accounts (id, operator, user_id, first_name, last_name, email, user_id_key, email_key,"
                        + " user_id_sort, first_name_sort, last_name_sort, email_sort, status, validation_result,"
                        + " email_verified, password_hash, locale, version, created_at, updated_at)"
                        + " VALUES (?, TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 'OK', TRUE, ?, ?, 0, ?, ?)")
                .params(id, userId, first, last, address.value(), userId, address.key(), UserRows.sortKey(userId),
                        UserRows.sortKey(first), UserRows.sortKey(last), UserRows.sortKey(address.value()),
                        passwords.hash(operator.password()), locale, now, now)
                .update();
        events.publishEvent(new UserEvents.OperatorCreated(id, userId, address.value(), first, last, source));
        return id;
    }

    /**
     * Creates a self-managed account: no company or partner owns it (docs/rules.md §1), made by a person
     * accepting an external invitation. The link proved the email.
     */
    @Transactional
    public String createSelfManaged(NewStaff person) {
        if (person.password() == null) {
            throw Problems.InvalidInput.of("password", "is required");
        }
        return createStaff(null, new NewStaff(person.userId(), person.firstName(), person.lastName(), person.email(),
                person.password(), true, person.locale()));
    }

    /**
     * Creates an ACTIVE account whose home is a partner space ({@code partnerId}) or nobody
     * ({@code null}: self-managed). The same rules as an activation apply, but a refusal is an
     * error to fix in the request (there is no draft to keep).
     */
    @Transactional
    public String createStaff(String partnerId, NewStaff staff) {
        UserRow asRow = new UserRow(null, null, trim(staff.userId()), trim(staff.firstName()), trim(staff.lastName()),
                trim(staff.email()), UserStatus.DRAFT, false, null, staff.emailVerified(), staff.locale(), true, true,
                false, 0, null, null);
        Limits.check(asRow.userId(), asRow.firstName(), asRow.lastName(), asRow.email()).throwIfAny();
        List<String> problems = new ArrayList<>(ActivationPolicy.problemsOf(asRow));
        if (staff.password() != null) {
            PasswordPolicy.problemOf(staff.password()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new Problems.InvalidInput(ActivationPolicy.describe(problems), List.of());
        }
        if (jdbc.sql("SELECT COUNT(*) FROM accounts WHERE user_id_key = ?").param(asRow.userId()).query(Long.class).single() > 0) {
            throw new Problems.Conflict("user-id-taken", ActivationPolicy.USER_ID_TAKEN);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email_key = ?").param(EmailAddress.keyOf(asRow.email()))
                .query(Long.class).single() > 0) {
            throw new Problems.Conflict("email-taken", ActivationPolicy.EMAIL_TAKEN);
        }
        String id = Ids.newId();
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        try {
            jdbc.sql("INSERT INTO accounts (id, home_partner_id, user_id, first_name, last_name, email, user_id_key, email_key,"
                            + " user_id_sort, first_name_sort, last_name_sort, email_sort, status, validation_result,"
                            + " email_verified, password_hash, locale, version, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 'OK', ?, ?, ?, 0, ?, ?)")
                    .params(id, partnerId, asRow.userId(), asRow.firstName(), asRow.lastName(), asRow.email(),
                            asRow.userId(), EmailAddress.keyOf(asRow.email()), UserRows.sortKey(asRow.userId()),
                            UserRows.sortKey(asRow.firstName()), UserRows.sortKey(asRow.lastName()),
                            UserRows.sortKey(asRow.email()), staff.emailVerified(),
                            staff.password() == null ? null : passwords.hash(staff.password()),
                            staff.locale() == null ? "en" : staff.locale(), now, now)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new Problems.Conflict("user-id-taken", "User ID or email already taken");
        }
        return id;
    }

    /** Deletes a partner staff account (its memberships and tokens go with it). */
    @Transactional
    public void deleteStaff(String partnerId, String accountId) {
        jdbc.sql("DELETE FROM accounts WHERE id = ? AND home_partner_id = ?").params(accountId, partnerId).update();
    }

    /** Public profile of accounts by id: for member lists that span homes. */
    public List<Profile> profiles(java.util.Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, user_id, first_name, last_name, email, home_company_id, home_partner_id, status"
                        + " FROM accounts WHERE id IN (:ids) ORDER BY user_id_sort, id")
                .param("ids", accountIds)
                .query((rs, n) -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), UserStatus.valueOf(rs.getString(8))))
                .list();
    }

    /** Who a person is, as other tenants may see it. */
    public record Profile(String accountId, String userId, String firstName, String lastName, String email,
            String homeCompanyId, String homePartnerId, UserStatus status) {
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private String freeUserId(String localPart) {
        String base = localPart.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        if (base.length() < 3) {
            base = "operator";
        }
        base = base.length() > 56 ? base.substring(0, 56) : base;
        String candidate = base;
        for (int n = 2; jdbc.sql("SELECT COUNT(*) FROM accounts WHERE user_id_key = ?").param(candidate)
                .query(Long.class).single() > 0; n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private static Credentials credentials(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Credentials(rs.getString("id"), rs.getString("user_id_key"), rs.getString("email"),
                UserStatus.valueOf(rs.getString("status")), rs.getBoolean("operator"),
                rs.getString("home_company_id"), rs.getString("home_partner_id"), rs.getString("password_hash"));
    }
}
