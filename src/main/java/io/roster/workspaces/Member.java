package io.roster.workspaces;

/**
 * A member of a workspace as the company sees it. {@code external}: the account's home is not the
 * workspace's company.
 */
public record Member(String accountId, String userId, String email, String firstName, String lastName,
        WorkspaceRight right, boolean external) {
}
