package io.roster.workspaces;

import io.roster.access.CompanyAccess;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;

/**
 * What a caller may do with one workspace (docs/rules.md §8): read it with {@code workspaces.read} (or
 * {@code workspaces.manage}) or any right on it; manage its members as its ADMIN or with
 * {@code workspaces.manage}. {@code own} is the caller's right, null when it holds none.
 *
 * <p>Only {@link WorkspaceGuard} makes one (the constructor is package-private), so a module operation
 * that takes it knows an adapter authorized the caller at its entry; the operations read the
 * company, the workspace and the actor from it instead of trusting separate arguments.
 */
public final class WorkspaceAccess {

    private final CompanyAccess company;
    private final Workspace workspace;
    private final WorkspaceRight own;

    WorkspaceAccess(CompanyAccess company, Workspace workspace, WorkspaceRight own) {
        this.company = company;
        this.workspace = workspace;
        this.own = own;
    }

    /** Sees every workspace of the company, not only those it holds a right on. */
    static boolean seesAll(CompanyAccess company) {
        return company.has(Permission.WORKSPACES_READ) || company.has(Permission.WORKSPACES_MANAGE);
    }

    public CompanyAccess companyAccess() {
        return company;
    }

    public CompanyId companyId() {
        return company.company();
    }

    /** The workspace as it was when the caller was authorized. */
    public Workspace workspace() {
        return workspace;
    }

    public String workspaceId() {
        return workspace.id();
    }

    /** Whether the caller may change the members (the console shows the forms only then). */
    public boolean canManage() {
        return own == WorkspaceRight.ADMIN || company.has(Permission.WORKSPACES_MANAGE);
    }

    /**
     * This access, checked to be one that allows managing: an operation that changes the workspace,
     * or shows what only its managers see, takes it from {@link WorkspaceGuard#toManage}. Passing
     * another is a wiring mistake of the adapter (500), not a refusal: the guard answers the 403.
     */
    public WorkspaceAccess managing() {
        if (!canManage()) {
            throw new IllegalArgumentException("This operation needs the access WorkspaceGuard.toManage returns");
        }
        return this;
    }

    boolean canRead() {
        return own != null || seesAll(company);
    }

    String byAccountId() {
        return company.caller().accountId();
    }
}
