package io.roster.workspaces;

import java.time.Instant;

/**
 * A member of a workspace as the company sees it. {@code external}: the account's home is not the
 * workspace's company. {@code guest}: the right came from an external invitation; its sponsor is
 * {@code sponsorAccountId}, or the workspace's ADMINs when that is null. {@code endsAt}: when the
 * right ends by itself, or null.
 */
public record Member(String accountId, String userId, String email, String firstName, String lastName,
        WorkspaceRight right, boolean external, String sponsorAccountId, boolean guest, Instant endsAt) {
}
