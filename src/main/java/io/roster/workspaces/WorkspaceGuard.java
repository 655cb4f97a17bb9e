package io.roster.workspaces;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The authorization of workspace operations, called by the adapters at their entry (like
 * {@link Guard}); the module's operations then take the {@link WorkspaceAccess} or
 * {@link CompanyAccess} it returns and never decide access themselves. A workspace of another
 * company, or one the caller may not see, answers 404 like one that does not exist; one it sees but
 * may not manage answers 403 with the reason.
 */
@Component
public class WorkspaceGuard {

    private final Guard guard;
    private final WorkspaceRows workspaces;
    private final MemberRows members;

    WorkspaceGuard(Guard guard, WorkspaceRows workspaces, MemberRows members) {
        this.guard = guard;
        this.workspaces = workspaces;
        this.members = members;
    }

    /** Listing the company's workspaces: anyone with standing there (what it sees depends on its access). */
    public CompanyAccess toList(Caller caller, CompanyId company) {
        return guard.accessTo(caller, company);
    }

    /**
     * Creating a workspace: someone with no role in the company (only workspace rights there) may not
     * (403), else a right, or a home without roles, would make its own standing back.
     */
    public CompanyAccess toCreate(Caller caller, CompanyId company) {
        CompanyAccess access = guard.accessTo(caller, company);
        if (!access.member()) {
            throw new Problems.Forbidden("not-a-member", "Only people holding a role in the company can create its"
                    + " workspaces: you are here through rights on some of its workspaces").coded("WORKSPACE_CREATE_MEMBERS_ONLY");
        }
        return access;
    }

    public WorkspaceAccess toRead(Caller caller, CompanyId company, String workspaceId) {
        return visible(guard.accessTo(caller, company), workspaceId);
    }

    /**
     * Managing the workspace's members (and invitations). Takes no lock: the operation locks the
     * workspace row in its own transaction (see {@link WorkspaceMembers}).
     */
    public WorkspaceAccess toManage(Caller caller, CompanyId company, String workspaceId) {
        WorkspaceAccess workspace = visible(guard.accessTo(caller, company), workspaceId);
        if (!workspace.canManage()) {
            throw new Problems.Forbidden("You need the ADMIN right on this workspace or the permission '"
                    + Permission.WORKSPACES_MANAGE.code() + "' in this company to manage its members").coded("WORKSPACE_ADMIN_NEEDED", Permission.WORKSPACES_MANAGE.code());
        }
        return workspace;
    }

    private WorkspaceAccess visible(CompanyAccess access, String workspaceId) {
        Optional<Workspace> found = workspaces.find(access.company(), workspaceId);
        Workspace workspace = found.orElseThrow(() -> notFound(workspaceId));
        WorkspaceRight own = members.rightOf(access.company(), workspace.id(), access.caller().accountId()).orElse(null);
        WorkspaceAccess result = new WorkspaceAccess(access, workspace, own);
        if (!result.canRead()) {
            throw notFound(workspaceId);
        }
        return result;
    }

    static Problems.NotFound notFound(String workspaceId) {
        return new Problems.NotFound("No workspace " + workspaceId + " in this company").coded("NO_WORKSPACE", workspaceId);
    }
}
