package io.roster.webhooks;

import io.roster.access.RoleAssignments;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import io.roster.users.ValidationResult;
import io.roster.users.ValidationTexts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A user as {@code GET /api/v1/companies/{companyId}/users/{id}} shows it, for the {@code data} of
 * the user events: the same fields under the same names (the REST adapter's view, rebuilt here so
 * that this module does not depend on the adapter), never a password, a hash or a link token.
 * Read when the change commits, so it is the user as the change left it (with the roles its
 * creation granted).
 */
@Component
class UserResources {

    private final UserLifecycle users;
    private final RoleAssignments roles;
    private final ValidationTexts texts;

    UserResources(UserLifecycle users, RoleAssignments roles, ValidationTexts texts) {
        this.texts = texts;
        this.users = users;
        this.roles = roles;
    }

    /** The user in that company, or empty if it no longer has a row there (deleted in the same change). */
    Optional<Map<String, Object>> of(CompanyId company, String accountId) {
        UserRow row;
        try {
            row = users.row(company, accountId);
        } catch (Problems.NotFound gone) {
            return Optional.empty();
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", row.id());
        user.put("userId", row.userId());
        user.put("firstName", row.firstName());
        user.put("lastName", row.lastName());
        user.put("email", row.email());
        user.put("status", row.status().name());
        user.put("external", row.external());
        // worded in English (a receiver has no language of its own), with the codes beside, as the API
        ValidationResult result = row.validationResult();
        user.put("validationResult", result == null ? null : texts.text(result, Locale.ENGLISH));
        user.put("emailVerified", row.emailVerified());
        user.put("locale", row.locale());
        Map<String, Object> notifications = new LinkedHashMap<>();
        notifications.put("inApp", row.notifyInApp());
        notifications.put("email", row.notifyEmail());
        user.put("notifications", notifications);
        user.put("roles", roles.roleIdsOf(company, row.id()));
        // rendered by the application's JSON mapper, as the API renders them
        user.put("createdAt", row.createdAt());
        user.put("updatedAt", row.updatedAt());
        user.put("validationCode", result == null ? null : result.code().name());
        user.put("validationProblems", result == null ? null : result.asMaps());
        if (!row.external()) {
            users.pendingEmail(company, row.id()).ifPresent(pending -> user.put("pendingEmail", pending));
        }
        return Optional.of(user);
    }
}
