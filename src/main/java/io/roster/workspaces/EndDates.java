package io.roster.workspaces;

import io.roster.shared.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When rights end (docs/rules.md §8): a manager sets, changes or clears a member's end date, and
 * {@link #endDue()} removes the rights whose date has passed, as the clock tells. Ending a right is
 * removing it: the same events (and so the same audit, notifications and webhooks) as a removal by
 * hand, plus {@link WorkspaceEvents.WorkspaceRightEnded}. The last ADMIN is never ended: its date
 * is cleared instead, audited, so the workspace keeps someone to manage it.
 */
@Service
public class EndDates {

    private static final int BATCH = 100;

    private final WorkspaceMembers members;
    private final WorkspaceRows workspaceRows;
    private final MemberRows memberRows;
    private final GuestRows guestRows;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    EndDates(WorkspaceMembers members, WorkspaceRows workspaceRows, MemberRows memberRows, GuestRows guestRows,
            Clock clock, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.members = members;
        this.workspaceRows = workspaceRows;
        this.memberRows = memberRows;
        this.guestRows = guestRows;
        this.clock = clock;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Sets ({@code endsAt} in the future) or clears (null) a member's end date; {@code access} from {@code toManage}. */
    @Transactional
    public Member set(WorkspaceAccess access, String accountId, Instant endsAt) {
        Workspace workspace = members.lock(access);
        Member current = memberRows.find(access.companyId(), workspace.id(), accountId)
                .orElseThrow(() -> new Problems.NotFound("Account " + accountId + " holds no right on this workspace")
                        .coded("NO_RIGHT", accountId));
        EndDatePolicy.requireFuture(endsAt, clock);
        if (!Objects.equals(current.endsAt(), endsAt)) {
            guestRows.setEndsAt(access.companyId(), workspace.id(), accountId, endsAt);
            events.publishEvent(new WorkspaceEvents.WorkspaceRightEndDateChanged(access.companyId(), workspace.id(),
                    accountId, current.endsAt(), endsAt, access.byAccountId()));
        }
        return memberRows.find(access.companyId(), workspace.id(), accountId).orElseThrow();
    }

    /**
     * Removes the rights whose end date has passed, each in its own transaction, and returns how
     * many this call ended. Safe on several nodes and when called twice at once: each right is
     * ended under the lock of its workspace by a conditional DELETE, whose row count decides who
     * ends it; the other caller finds nothing to do.
     */
    public int endDue() {
        int ended = 0;
        boolean more = true;
        while (more) {
            Instant now = clock.instant();
            var due = guestRows.due(now, BATCH);
            int before = ended;
            for (GuestRows.Due right : due) {
                if (Boolean.TRUE.equals(tx.execute(status -> endOne(right, now)))) {
                    ended++;
                }
            }
            more = due.size() == BATCH && ended > before;
        }
        return ended;
    }

    private boolean endOne(GuestRows.Due due, Instant now) {
        if (workspaceRows.lock(due.company(), due.workspaceId()).isEmpty()) {
            return false;
        }
        Optional<WorkspaceRight> current = memberRows.rightOf(due.company(), due.workspaceId(), due.accountId());
        if (current.isEmpty()) {
            return false;
        }
        if (current.get() == WorkspaceRight.ADMIN && memberRows.admins(due.company(), due.workspaceId()) <= 1) {
            if (guestRows.clearEndsAt(due.company(), due.workspaceId(), due.accountId())) {
                events.publishEvent(new WorkspaceEvents.WorkspaceRightEndDateChanged(due.company(), due.workspaceId(),
                        due.accountId(), due.endsAt(), null, null));
            }
            return false;
        }
        if (!guestRows.deleteEnded(due.company(), due.workspaceId(), due.accountId(), now)) {
            return false;
        }
        events.publishEvent(new WorkspaceEvents.WorkspaceRightRemoved(due.company(), due.workspaceId(),
                due.accountId(), current.get(), null));
        events.publishEvent(new WorkspaceEvents.WorkspaceRightEnded(due.company(), due.workspaceId(), due.accountId(),
                current.get(), due.sponsor(), due.endsAt()));
        return true;
    }
}
