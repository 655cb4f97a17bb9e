package io.roster.users;

import io.roster.shared.EmailAddress;
import io.roster.shared.FieldErrors;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform operator's account and the platform's setup: whether the first operator exists,
 * and its creation, from the environment at start or from the first-run setup page.
 */
@Service
public class OperatorAccounts {

    private final JdbcClient jdbc;
    private final AccountRows rows;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;

    OperatorAccounts(JdbcClient jdbc, AccountRows rows, Passwords passwords, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.passwords = passwords;
        this.events = events;
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
            throw new IllegalArgumentException("ROSTER_BOOTSTRAP_ADMIN_PASSWORD is refused: " + problem.code()
                    + " " + problem.params());
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
        PasswordPolicy.problemOf(operator.password()).ifPresent(problem -> errors.add(problem.asFieldError("password")));
        errors.throwIfAny();
        String id = Ids.newId();
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO platform_setup (id, operator_account_id, created_at) VALUES (1, ?, ?)")
                .params(id, now).update();
        EmailAddress address = new EmailAddress(email);
        if (jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email_key = ?").param(address.key()).query(Long.class)
                .single() > 0) {
            throw new Problems.Conflict("email-taken", "Email already in use by another account");
        }
        String userId = freeUserId(address.value().substring(0, address.value().indexOf('@')));
        String locale = "fr".equals(operator.locale()) ? "fr" : "en";
        rows.insert(NewAccount.operator(id, userId, first, last, address, passwords.hash(operator.password()), locale));
        events.publishEvent(new UserEvents.OperatorCreated(id, userId, address.value(), first, last, source));
        return id;
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

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
