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
 * The authorization at the entry of every workspace operation. A workspace of another company, or
 * one the caller may not see, answers 404 like one that does not exist; one it sees but may not
 * manage answers 403 with the reason.
 */
@Component
class WorkspaceGate {

    private final Guard guard;
    private final WorkspaceRows workspaces;
    private final MemberRows members;

    WorkspaceGate(Guard guard, WorkspaceRows workspaces, MemberRows members) {
        this.guard = guard;
        this.workspaces = workspaces;
        this.members = members;
    }

    WorkspaceAccess toRead(Caller caller, CompanyId company, String workspaceId) {
        CompanyAccess access = guard.accessTo(caller, company);
        return visible(access, workspaces.find(company, workspaceId), workspaceId);
    }

    /** Also locks the workspace until the transaction ends, so member changes run one at a time. */
    WorkspaceAccess toManage(Caller caller, CompanyId company, String workspaceId) {
        CompanyAccess access = guard.accessTo(caller, company);
        WorkspaceAccess workspace = visible(access, workspaces.lock(company, workspaceId), workspaceId);
        if (!workspace.canManage()) {
            throw new Problems.Forbidden("You need the ADMIN right on this workspace or the permission '"
                    + Permission.WORKSPACES_MANAGE.code() + "' in this company to manage its members");
        }
        return workspace;
    }

    private WorkspaceAccess visible(CompanyAccess access, Optional<Workspace> found, String workspaceId) {
        Workspace workspace = found.orElseThrow(() -> notFound(workspaceId));
        WorkspaceRight own = members.rightOf(access.company(), workspace.id(), access.caller().accountId()).orElse(null);
        WorkspaceAccess result = new WorkspaceAccess(access, workspace, own);
        if (!result.canRead()) {
            throw notFound(workspaceId);
        }
        return result;
    }

    private static Problems.NotFound notFound(String workspaceId) {
        return new Problems.NotFound("No workspace " + workspaceId + " in this company");
    }
}
