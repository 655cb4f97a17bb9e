package io.roster.users;

/**
 * An account of the company that a row of an import names: by its userId (compared without case),
 * or else by its email. Which of the two matched goes in the report.
 */
public record ExistingAccount(String accountId, String userId, UserStatus status, MatchedBy matchedBy) {

    public enum MatchedBy {
        USER_ID, EMAIL
    }
}
