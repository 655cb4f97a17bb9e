package io.roster.users;

import io.roster.shared.EmailAddress;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts no company owns: the staff of a partner space, and self-managed people who accepted an
 * external invitation. Complete from the start (there is no draft), so a refusal is an error to
 * fix in the request.
 */
@Service
public class StaffAccounts {

    private final JdbcClient jdbc;
    private final AccountRows rows;
    private final Passwords passwords;

    StaffAccounts(JdbcClient jdbc, AccountRows rows, Passwords passwords) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.passwords = passwords;
    }

    /**
     * Creates a self-managed account: no company or partner owns it (docs/rules.md §1), made by a
     * person accepting an external invitation. The link proved the email.
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
        List<ValidationProblem> problems = new ArrayList<>(ActivationPolicy.problemsOf(asRow));
        if (staff.password() != null) {
            PasswordPolicy.problemOf(staff.password()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            // each problem by its field, with its code: the reader's language words it
            throw new Problems.InvalidInput(ActivationPolicy.describe(problems).encode(), problems.stream()
                    .map(problem -> problem.asFieldError(problem.code().field())).toList());
        }
        if (jdbc.sql("SELECT COUNT(*) FROM accounts WHERE user_id_key = ?").param(asRow.userId()).query(Long.class).single() > 0) {
            throw new Problems.Conflict("user-id-taken", "User ID already taken");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email_key = ?").param(EmailAddress.keyOf(asRow.email()))
                .query(Long.class).single() > 0) {
            throw new Problems.Conflict("email-taken", "Email already in use by another account");
        }
        String id = Ids.newId();
        try {
            rows.insert(NewAccount.staff(id, partnerId, asRow.userId(), asRow.firstName(), asRow.lastName(),
                    asRow.email(), staff.emailVerified(), staff.password() == null ? null : passwords.hash(staff.password()),
                    staff.locale()));
        } catch (DuplicateKeyException raced) {
            throw new Problems.Conflict("user-id-taken", "User ID or email already taken");
        }
        return id;
    }

    /** Deletes a partner staff account (its memberships and tokens go with it). */
    @Transactional
    public void deleteStaff(String partnerId, String accountId) {
        Recipients.changed(accountId);
        jdbc.sql("DELETE FROM accounts WHERE id = ? AND home_partner_id = ?").params(accountId, partnerId).update();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
