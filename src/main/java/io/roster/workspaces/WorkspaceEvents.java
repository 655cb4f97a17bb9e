package io.roster.workspaces;

import io.roster.shared.CompanyId;

/**
 * What happened to workspaces and their rights. Each names the company, the workspace, the account
 * whose right it is, the right, and the acting account ({@code byAccountId}). Audit and
 * notifications listen to these.
 */
public final class WorkspaceEvents {

    private WorkspaceEvents() {
    }

    /** Created by {@code byAccountId}, who holds {@code right} (ADMIN) on it from then on. */
    public record WorkspaceCreated(CompanyId companyId, String workspaceId, String name, String accountId,
            WorkspaceRight right, String byAccountId) {
    }

    public record WorkspaceRightGranted(CompanyId companyId, String workspaceId, String accountId,
            WorkspaceRight right, String byAccountId) {
    }

    public record WorkspaceRightChanged(CompanyId companyId, String workspaceId, String accountId,
            WorkspaceRight previousRight, WorkspaceRight right, String byAccountId) {
    }

    /** {@code right} is the one removed. */
    public record WorkspaceRightRemoved(CompanyId companyId, String workspaceId, String accountId,
            WorkspaceRight right, String byAccountId) {
    }
}
