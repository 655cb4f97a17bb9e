package io.roster.workspaces;

import io.roster.shared.CompanyId;
import io.roster.users.UserEvents;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A sponsor who can no longer answer for its guests (deactivated, deleted, or no longer holding a
 * right on the workspace) hands them to the workspace's ADMINs (docs/rules.md §8): their sponsor is
 * cleared, they stay guests, and the ADMINs review them from then on. Runs in the transaction of
 * the change that caused it.
 */
@Component
class SponsorHandOver {

    private final GuestRows guestRows;
    private final ApplicationEventPublisher events;

    SponsorHandOver(GuestRows guestRows, ApplicationEventPublisher events) {
        this.guestRows = guestRows;
        this.events = events;
    }

    @EventListener
    void on(UserEvents.UserDeactivated e) {
        everywhere(e.accountId(), "DEACTIVATED");
    }

    @EventListener
    void on(UserEvents.UserDeleted e) {
        everywhere(e.accountId(), "DELETED");
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightRemoved e) {
        handOver(e.companyId(), e.workspaceId(), e.accountId(), "RIGHT_REMOVED");
    }

    /** The account may sponsor guests in other companies than its home (as their external ADMIN). */
    private void everywhere(String sponsor, String reason) {
        guestRows.sponsoredBy(sponsor).forEach(where -> handOver(where.company(), where.workspaceId(), sponsor, reason));
    }

    private void handOver(CompanyId company, String workspaceId, String sponsor, String reason) {
        List<String> guests = guestRows.clearSponsor(company, workspaceId, sponsor);
        if (!guests.isEmpty()) {
            events.publishEvent(new WorkspaceEvents.GuestsHandedOver(company, workspaceId, sponsor, guests, reason,
                    guestRows.adminsOf(company, workspaceId)));
        }
    }
}
