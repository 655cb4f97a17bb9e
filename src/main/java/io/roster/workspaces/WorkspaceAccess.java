package io.roster.workspaces;

import io.roster.access.CompanyAccess;
import io.roster.access.Permission;

/**
 * What a caller may do with one workspace (docs/rules.md §8): read it with {@code workspaces.read} (or
 * {@code workspaces.manage}) or any right on it; manage its members as its ADMIN or with
 * {@code workspaces.manage}. {@code own} is the caller's right, null when it holds none.
 */
record WorkspaceAccess(CompanyAccess company, Workspace workspace, WorkspaceRight own) {

    /** Sees every workspace of the company, not only those it holds a right on. */
    static boolean seesAll(CompanyAccess company) {
        return company.has(Permission.WORKSPACES_READ) || company.has(Permission.WORKSPACES_MANAGE);
    }

    boolean canRead() {
        return own != null || seesAll(company);
    }

    boolean canManage() {
        return own == WorkspaceRight.ADMIN || company.has(Permission.WORKSPACES_MANAGE);
    }

    String byAccountId() {
        return company.caller().accountId();
    }
}
