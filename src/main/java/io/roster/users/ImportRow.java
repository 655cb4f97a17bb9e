package io.roster.users;

import java.util.List;

/**
 * One row of a bulk import, as the caller read it from its source. {@code line} locates it there,
 * for the report. {@code status} is what the row asks for (ACTIVE or DRAFT). {@code refusals} are
 * reasons the caller found that keep the row a DRAFT whatever it asks (a role that does not exist,
 * a status Roster cannot import): they lead its validation result, so nothing is dropped silently.
 */
public record ImportRow(int line, String userId, String firstName, String lastName, String email,
        UserStatus status, List<ValidationProblem> refusals) {

    public ImportRow {
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }

    boolean wantsActive() {
        return status == UserStatus.ACTIVE;
    }

    /**
     * The row as a new user. A source carries no password, language or notification choice: the
     * row gets what the API gives a new user when those are left out (English, both kinds of
     * notification on, the email not yet verified).
     */
    NewUser asNewUser() {
        return new NewUser(userId, firstName, lastName, email, status, false, null, null, true, true);
    }

    ImportRow trimmed() {
        return new ImportRow(line, trim(userId), trim(firstName), trim(lastName), trim(email), status, refusals);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
