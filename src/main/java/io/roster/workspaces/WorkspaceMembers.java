package io.roster.workspaces;

import io.roster.access.CompanyAccess;
import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import io.roster.users.UserStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rights on a workspace. Whoever may read the workspace sees its members; its ADMINs and those
 * with {@code workspaces.manage} set and remove rights. Rights go only to people already in the
 * company's Users table; the last ADMIN stays.
 *
 * <p>The adapters authorize through {@link WorkspaceGuard} and pass the {@link WorkspaceAccess} it
 * returns. The guard takes no lock (it runs before the operation's transaction), so every change here
 * first locks the workspace row in its own transaction: member changes of one workspace still run
 * one at a time, and the last-ADMIN count is read under that lock.
 */
@Service
public class WorkspaceMembers {

    private final WorkspaceRows workspaceRows;
    private final MemberRows members;
    private final UserLifecycle users;
    private final ApplicationEventPublisher events;
    private final GuestRows guestRows;

    WorkspaceMembers(MemberRows members, UserLifecycle users, ApplicationEventPublisher events,
            WorkspaceRows workspaceRows, GuestRows guestRows) {
        this.guestRows = guestRows;
        this.workspaceRows = workspaceRows;
        this.members = members;
        this.users = users;
        this.events = events;
    }

    /** {@code access} comes from {@link WorkspaceGuard#toRead}. */
    @Transactional(readOnly = true)
    public Page<Member> list(WorkspaceAccess access, PageRequest page) {
        return Page.fromLookahead(members.page(access.companyId(), access.workspaceId(), page), page.limit(),
                last -> new Cursor("userId", last.sortKey(), last.member().accountId())).map(MemberRows.Keyed::member);
    }

    /** {@code access} comes from {@link WorkspaceGuard#toRead}. */
    @Transactional(readOnly = true)
    public Member get(WorkspaceAccess access, String accountId) {
        return members.find(access.companyId(), access.workspaceId(), accountId).orElseThrow(() -> noMember(accountId));
    }

    /**
     * Gives a right or changes it (PUT); {@code added} tells which. Setting the same right changes
     * nothing. {@code access} comes from {@link WorkspaceGuard#toManage}.
     */
    @Transactional
    public RightSet set(WorkspaceAccess access, String accountId, WorkspaceRight right) {
        Workspace workspace = lock(access);
        CompanyId company = access.companyId();
        String workspaceId = workspace.id();
        if (right == null) {
            throw Problems.InvalidInput.of("right", "is required: ADMIN, WRITE or READ");
        }
        Optional<WorkspaceRight> current = members.rightOf(company, workspaceId, accountId);
        if (current.isEmpty()) {
            requireInUsersTable(company, accountId);
            members.insert(company, workspaceId, accountId, right);
            events.publishEvent(new WorkspaceEvents.WorkspaceRightGranted(company, workspaceId, accountId, right,
                    access.byAccountId()));
        } else if (current.get() != right) {
            LastAdminPolicy.requireAnotherAdmin(workspace, current.get(), right, members.admins(company, workspaceId));
            members.update(company, workspaceId, accountId, right);
            events.publishEvent(new WorkspaceEvents.WorkspaceRightChanged(company, workspaceId, accountId, current.get(),
                    right, access.byAccountId()));
        }
        return new RightSet(members.find(company, workspaceId, accountId).orElseThrow(), current.isEmpty());
    }

    /**
     * Removes a member's right; an external person left with no role or right leaves the Users table.
     * {@code access} comes from {@link WorkspaceGuard#toManage}.
     */
    @Transactional
    public void remove(WorkspaceAccess access, String accountId) {
        Workspace workspace = lock(access);
        CompanyId company = access.companyId();
        String workspaceId = workspace.id();
        WorkspaceRight current = members.rightOf(company, workspaceId, accountId).orElseThrow(() -> noMember(accountId));
        LastAdminPolicy.requireAnotherAdmin(workspace, current, null, members.admins(company, workspaceId));
        members.delete(company, workspaceId, accountId);
        events.publishEvent(new WorkspaceEvents.WorkspaceRightRemoved(company, workspaceId, accountId, current,
                access.byAccountId()));
    }

    /**
     * Locks the workspace row until the caller's transaction ends (invitations lock it too, so their
     * changes and member changes run one at a time). Must run inside a read-write transaction. A
     * workspace deleted since the guard saw it answers 404.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Workspace lock(WorkspaceAccess access) {
        access.managing();
        return workspaceRows.lock(access.companyId(), access.workspaceId())
                .orElseThrow(() -> WorkspaceGuard.notFound(access.workspaceId()));
    }

    /** A workspace's name, for a page a mailed link opens (the link itself is the authorization). */
    public Optional<String> nameOf(CompanyId company, String workspaceId) {
        return workspaceRows.find(company, workspaceId).map(Workspace::name);
    }

    /**
     * The rights a person of the Users table holds on the company's workspaces (the user profile);
     * {@code access} is the adapter's check that the caller may read the company's users.
     */
    public List<HeldRight> heldBy(CompanyAccess access, String accountId) {
        return members.heldBy(access.company(), accountId);
    }

    /** The ADMINs of a workspace (at most 50): they sponsor its guests that have no sponsor. */
    public List<String> adminsOf(CompanyId company, String workspaceId) {
        return guestRows.adminsOf(company, workspaceId);
    }

    /** The right an account holds on a workspace, if any. */
    public Optional<WorkspaceRight> rightOf(CompanyId company, String workspaceId, String accountId) {
        return members.rightOf(company, workspaceId, accountId);
    }

    /**
     * An accepted invitation: the invitee gets the invited right, granted by the inviter (who was
     * allowed to invite). Someone already a member keeps the right they hold. This is how outside
     * people enter a company's Users table (docs/rules.md §5). The inviter becomes the guest's
     * sponsor; {@code endsAt} (null: none) is when the right ends.
     */
    @Transactional
    public boolean acceptInvitation(CompanyId company, String workspaceId, String accountId, WorkspaceRight right,
            String invitedBy, java.time.Instant endsAt) {
        if (members.rightOf(company, workspaceId, accountId).isPresent()) {
            return false;
        }
        members.insert(company, workspaceId, accountId, right, invitedBy, endsAt);
        events.publishEvent(new WorkspaceEvents.WorkspaceRightGranted(company, workspaceId, accountId, right, invitedBy));
        return true;
    }

    /** Internal rows whose account exists, or external accounts already linked to the company. */
    private void requireInUsersTable(CompanyId company, String accountId) {
        UserRow row;
        try {
            row = users.row(company, accountId);
        } catch (Problems.NotFound absent) {
            throw new Problems.NotFound("No user " + accountId + " in this company's Users table: rights go to its"
                    + " users and to outside people already linked to it").coded("NOT_IN_USERS_TABLE", accountId);
        }
        if (row.status() == UserStatus.DRAFT) {
            throw new Problems.Conflict("user-draft", "User " + (row.userId() == null ? row.id() : "'" + row.userId() + "'")
                    + " is a draft with no account yet: activate it before giving it a workspace right").coded("DRAFT_NO_RIGHT", row.userId() == null ? row.id() : row.userId());
        }
    }

    private static Problems.NotFound noMember(String accountId) {
        return new Problems.NotFound("Account " + accountId + " holds no right on this workspace").coded("NO_RIGHT", accountId);
    }
}
