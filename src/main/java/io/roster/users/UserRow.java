package io.roster.users;

import io.roster.shared.CompanyId;
import java.time.Instant;

/**
 * A company's view of one person. {@code external} is true when the account's home is not the
 * company looking at it. {@code validationResult} is null until an activation was tried.
 */
public record UserRow(String id, CompanyId homeCompanyId, String userId, String firstName, String lastName,
        String email, UserStatus status, boolean external, ValidationResult validationResult, boolean emailVerified,
        String locale, boolean notifyInApp, boolean notifyEmail, boolean hasPassword, long version,
        Instant createdAt, Instant updatedAt) {

    /** True once activation has created the account (its userId and email are then claimed). */
    public boolean accountExists() {
        return status != UserStatus.DRAFT;
    }

    UserRow asExternal() {
        return new UserRow(id, homeCompanyId, userId, firstName, lastName, email, status, true, validationResult,
                emailVerified, locale, notifyInApp, notifyEmail, hasPassword, version, createdAt, updatedAt);
    }

    /** The same row with another email (and its verification kept). */
    UserRow withEmail(String otherEmail) {
        return new UserRow(id, homeCompanyId, userId, firstName, lastName, otherEmail, status, external, validationResult,
                emailVerified, locale, notifyInApp, notifyEmail, hasPassword, version, createdAt, updatedAt);
    }

    public String etag() {
        return "\"" + version + "\"";
    }
}
