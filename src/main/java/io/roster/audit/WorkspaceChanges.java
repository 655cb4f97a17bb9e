package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;

import io.roster.workspaces.WorkspaceEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records workspaces and the rights on them (docs/rules.md §8). */
@Component
class WorkspaceChanges {

    private final AuditTrail trail;

    WorkspaceChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceCreated e) {
        trail.inCompany(e.companyId(), "workspace.created", workspace(e.workspaceId()), null,
                fields("name", e.name(), "accountId", e.accountId(), "right", e.right()));
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightGranted e) {
        trail.inCompany(e.companyId(), "workspace.right_granted", workspace(e.workspaceId()), null,
                fields("accountId", e.accountId(), "right", e.right()));
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightChanged e) {
        trail.inCompany(e.companyId(), "workspace.right_changed", workspace(e.workspaceId()),
                fields("accountId", e.accountId(), "right", e.previousRight()),
                fields("accountId", e.accountId(), "right", e.right()));
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightRemoved e) {
        trail.inCompany(e.companyId(), "workspace.right_removed", workspace(e.workspaceId()),
                fields("accountId", e.accountId(), "right", e.right()), null);
    }

    private static AuditTrail.Target workspace(String id) {
        return new AuditTrail.Target("workspace", id);
    }
}
