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

    /** A manager set, changed or cleared an end date; the system clears the end date of a last ADMIN. */
    @EventListener
    void on(WorkspaceEvents.WorkspaceRightEndDateChanged e) {
        trail.inCompany(e.companyId(), "workspace.end_date_changed", workspace(e.workspaceId()),
                fields("accountId", e.accountId(), "endsAt", e.previousEndsAt()),
                fields("accountId", e.accountId(), "endsAt", e.endsAt()));
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightEnded e) {
        trail.as(new Actors.Actor(null, null, ActorKind.SYSTEM), e.companyId().value(), null, "workspace.right_ended",
                workspace(e.workspaceId()), fields("accountId", e.accountId(), "right", e.right(), "endsAt", e.endsAt(),
                        "sponsorAccountId", e.sponsorAccountId()), null, null);
    }

    @EventListener
    void on(WorkspaceEvents.GuestsHandedOver e) {
        trail.inCompany(e.companyId(), "workspace.guests_handed_over", workspace(e.workspaceId()),
                fields("sponsorAccountId", e.formerSponsorAccountId(), "guests", e.guestAccountIds()),
                fields("sponsorAccountId", null, "sponsoredBy", "ADMINS", "admins", e.admins(), "reason", e.reason()));
    }

    /** Answered through a review link: the reviewer the link was mailed to is the actor. */
    @EventListener
    void on(WorkspaceEvents.GuestReviewed e) {
        Actors.Actor reviewer = trail.actors().caller()
                .map(caller -> new Actors.Actor(caller.accountId(), caller.userId(), ActorKind.USER))
                .orElse(new Actors.Actor(e.reviewerAccountId(), null, ActorKind.USER));
        trail.as(reviewer, e.companyId().value(), null, e.kept() ? "workspace.guest_kept" : "workspace.guest_removed",
                workspace(e.workspaceId()), null, fields("accountId", e.accountId(), "decision",
                        e.kept() ? "KEEP" : "REMOVE"), null);
    }

    private static AuditTrail.Target workspace(String id) {
        return new AuditTrail.Target("workspace", id);
    }
}
