package io.roster.workspaces;

import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.users.Accounts;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guests a reviewer answers for, and the reviewer's answer (docs/rules.md §8): keep (recorded)
 * or remove (the right goes, as a removal by hand). The caller is the review link, which proves
 * who the reviewer is; this class checks that the reviewer still answers for the guest.
 */
@Service
public class Guests {

    private final GuestRows guestRows;
    private final MemberRows memberRows;
    private final WorkspaceRows workspaceRows;
    private final Accounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Guests(GuestRows guestRows, MemberRows memberRows, WorkspaceRows workspaceRows, Accounts accounts, Clock clock,
            ApplicationEventPublisher events) {
        this.guestRows = guestRows;
        this.memberRows = memberRows;
        this.workspaceRows = workspaceRows;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /** A reviewer of one company. */
    public record Reviewer(CompanyId company, String accountId) {
    }

    /** A guest as a review mail lists it. */
    public record Guest(String workspaceId, String workspaceName, String accountId, String name, String email,
            WorkspaceRight right, Instant endsAt) {
    }

    /** Every company's reviewers after {@code after} (null: the first), in a stable order, at most {@code limit}. */
    public List<Reviewer> reviewers(Reviewer after, int limit) {
        return guestRows.reviewers(after == null ? null : new GuestRows.ReviewerKey(after.company().value(),
                after.accountId()), limit).stream()
                .map(key -> new Reviewer(new CompanyId(key.companyId()), key.accountId())).toList();
    }

    /** The guests {@code reviewer} answers for in its company (at most 200). */
    public List<Guest> of(Reviewer reviewer) {
        var reviewed = guestRows.guestsOf(reviewer.company(), reviewer.accountId());
        Map<String, Accounts.Profile> profiles = new HashMap<>();
        accounts.profiles(reviewed.stream().map(GuestRows.Reviewed::accountId).distinct().toList())
                .forEach(profile -> profiles.put(profile.accountId(), profile));
        Map<String, String> names = new HashMap<>();
        return reviewed.stream().filter(guest -> profiles.containsKey(guest.accountId())).map(guest -> {
            Accounts.Profile profile = profiles.get(guest.accountId());
            String workspace = names.computeIfAbsent(guest.workspaceId(), id -> workspaceRows.find(reviewer.company(), id)
                    .map(Workspace::name).orElse(id));
            return new Guest(guest.workspaceId(), workspace, guest.accountId(),
                    (profile.firstName() + " " + profile.lastName()).trim(), profile.email(), guest.right(),
                    guest.endsAt());
        }).toList();
    }

    /** A workspace's name, for a review link's page (the link itself is the authorization). */
    public java.util.Optional<String> workspaceName(CompanyId company, String workspaceId) {
        return workspaceRows.find(company, workspaceId).map(Workspace::name);
    }

    /** The reviewer keeps the guest: recorded, audited. Must run in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void keep(Reviewer reviewer, String workspaceId, String guest) {
        workspaceRows.lock(reviewer.company(), workspaceId).orElseThrow(() -> noLongerGuest(guest));
        requireReviewer(reviewer, workspaceId, guest);
        guestRows.markReviewed(reviewer.company(), workspaceId, guest, clock.instant());
        events.publishEvent(new WorkspaceEvents.GuestReviewed(reviewer.company(), workspaceId, guest,
                reviewer.accountId(), true));
    }

    /** The reviewer removes the guest's right, as a removal by hand. Must run in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remove(Reviewer reviewer, String workspaceId, String guest) {
        Workspace workspace = workspaceRows.lock(reviewer.company(), workspaceId).orElseThrow(() -> noLongerGuest(guest));
        requireReviewer(reviewer, workspaceId, guest);
        WorkspaceRight right = memberRows.rightOf(reviewer.company(), workspaceId, guest).orElseThrow();
        LastAdminPolicy.requireAnotherAdmin(workspace, right, null, memberRows.admins(reviewer.company(), workspaceId));
        memberRows.delete(reviewer.company(), workspaceId, guest);
        events.publishEvent(new WorkspaceEvents.GuestReviewed(reviewer.company(), workspaceId, guest,
                reviewer.accountId(), false));
        events.publishEvent(new WorkspaceEvents.WorkspaceRightRemoved(reviewer.company(), workspaceId, guest, right,
                reviewer.accountId()));
    }

    private void requireReviewer(Reviewer reviewer, String workspaceId, String guest) {
        if (!guestRows.reviews(reviewer.company(), workspaceId, guest, reviewer.accountId())) {
            throw noLongerGuest(guest);
        }
    }

    private static io.roster.shared.ProblemException noLongerGuest(String guest) {
        return new Problems.Conflict("not-reviewed-here", "This person is no longer a guest you answer for on this"
                + " workspace: nothing was changed").coded("GUEST_NOT_REVIEWED", guest);
    }
}
