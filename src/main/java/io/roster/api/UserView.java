package io.roster.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.roster.users.UserRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A row of the Users table as the API shows it. {@code pendingEmail}, on a single row only, is the
 * address an email change waits to be confirmed by; {@code email} stays the confirmed one until then.
 * {@code validationResult} is in the caller's {@code Accept-Language}; {@code validationCode} (the
 * first problem's) and {@code validationProblems} (every problem, with its parameters) are the
 * same in every language.
 */
record UserView(String id, String userId, String firstName, String lastName, String email, String status,
        boolean external, String validationResult, boolean emailVerified, String locale,
        Notifications notifications, List<String> roles, Instant createdAt, Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String pendingEmail,
        String validationCode, List<Map<String, Object>> validationProblems) {

    record Notifications(Boolean inApp, Boolean email) {
    }

    static UserView of(UserRow row, List<String> roles, ApiWording words) {
        return new UserView(row.id(), row.userId(), row.firstName(), row.lastName(), row.email(), row.status().name(),
                row.external(), words.text(row.validationResult()), row.emailVerified(), row.locale(),
                new Notifications(row.notifyInApp(), row.notifyEmail()), roles, row.createdAt(), row.updatedAt(), null,
                row.validationResult() == null ? null : row.validationResult().code().name(),
                ApiWording.problems(row.validationResult()));
    }

    UserView withPendingEmail(String pending) {
        return new UserView(id, userId, firstName, lastName, email, status, external, validationResult, emailVerified,
                locale, notifications, roles, createdAt, updatedAt, pending, validationCode, validationProblems);
    }
}
