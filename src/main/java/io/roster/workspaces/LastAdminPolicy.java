package io.roster.workspaces;

import io.roster.shared.Problems;

/** A workspace always keeps at least one ADMIN, so someone can still manage its members. */
final class LastAdminPolicy {

    private LastAdminPolicy() {
    }

    /**
     * Refuses (409) to take ADMIN away from the last one. {@code next} is the new right, or null
     * when the member is removed; {@code admins} counts the ADMINs before the change.
     */
    static void requireAnotherAdmin(Workspace workspace, WorkspaceRight current, WorkspaceRight next, long admins) {
        boolean losesAdmin = current == WorkspaceRight.ADMIN && next != WorkspaceRight.ADMIN;
        if (losesAdmin && admins <= 1) {
            throw new Problems.Conflict("last-workspace-admin", "This is the last ADMIN of the workspace '"
                    + workspace.name() + "': a workspace must keep at least one ADMIN; make another member ADMIN first").coded("LAST_ADMIN_OF", workspace.name());
        }
    }
}
