package io.roster.workspaces;

import io.roster.access.Caller;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The rights on a workspace. Whoever may read the workspace sees its members; its ADMINs and those
 * with {@code workspaces.manage} set and remove rights. Rights go only to people already in the
 * company's Users table; the last ADMIN stays.
 */
@Service
public class WorkspaceMembers {

    private final WorkspaceGate gate;
    private final WorkspaceRows workspaceRows;
    private final MemberRows members;
    private final UserLifecycle users;
    private final ApplicationEventPublisher events;

    WorkspaceMembers(WorkspaceGate gate, MemberRows members, UserLifecycle users, ApplicationEventPublisher events,
            WorkspaceRows workspaceRows) {
        this.workspaceRows = workspaceRows;
        this.gate = gate;
        this.members = members;
        this.users = users;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Page<Member> list(Caller caller, CompanyId company, String workspaceId, PageRequest page) {
        gate.toRead(caller, company, workspaceId);
        return Page.fromLookahead(members.page(company, workspaceId, page), page.limit(),
                last -> new Cursor("userId", last.sortKey(), last.member().accountId())).map(MemberRows.Keyed::member);
    }

    @Transactional(readOnly = true)
    public Member get(Caller caller, CompanyId company, String workspaceId, String accountId) {
        gate.toRead(caller, company, workspaceId);
        return members.find(company, workspaceId, accountId).orElseThrow(() -> noMember(accountId));
    }

    /** Gives a right or changes it (PUT); {@code added} tells which. Setting the same right changes nothing. */
    @Transactional
    public RightSet set(Caller caller, CompanyId company, String workspaceId, String accountId, WorkspaceRight right) {
        WorkspaceAccess access = gate.toManage(caller, company, workspaceId);
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
            LastAdminPolicy.requireAnotherAdmin(access.workspace(), current.get(), right, members.admins(company, workspaceId));
            members.update(company, workspaceId, accountId, right);
            events.publishEvent(new WorkspaceEvents.WorkspaceRightChanged(company, workspaceId, accountId, current.get(),
                    right, access.byAccountId()));
        }
        return new RightSet(members.find(company, workspaceId, accountId).orElseThrow(), current.isEmpty());
    }

    /** Removes a member's right; an external person left with no role or right leaves the Users table. */
    @Transactional
    public void remove(Caller caller, CompanyId company, String workspaceId, String accountId) {
        WorkspaceAccess access = gate.toManage(caller, company, workspaceId);
        WorkspaceRight current = members.rightOf(company, workspaceId, accountId).orElseThrow(() -> noMember(accountId));
        LastAdminPolicy.requireAnotherAdmin(access.workspace(), current, null, members.admins(company, workspaceId));
        members.delete(company, workspaceId, accountId);
        events.publishEvent(new WorkspaceEvents.WorkspaceRightRemoved(company, workspaceId, accountId, current,
                access.byAccountId()));
    }

    /**
     * The workspace, provided the caller may manage its members (invitations start here). Not
     * read-only: the check locks the workspace row, which a read-only transaction may not do.
     */
    @Transactional
    public Workspace manageable(Caller caller, CompanyId company, String workspaceId) {
        return gate.toManage(caller, company, workspaceId).workspace();
    }

    /** The workspace, provided the caller may see it. */
    @Transactional(readOnly = true)
    public Workspace readable(Caller caller, CompanyId company, String workspaceId) {
        return gate.toRead(caller, company, workspaceId).workspace();
    }

    /** A workspace's name, for a page a mailed link opens (the link itself is the authorization). */
    public Optional<String> nameOf(CompanyId company, String workspaceId) {
        return workspaceRows.find(company, workspaceId).map(Workspace::name);
    }

    /** The rights a person of the Users table holds on the company's workspaces (the user profile). */
    public List<HeldRight> heldBy(CompanyId company, String accountId) {
        return members.heldBy(company, accountId);
    }

    /** The right an account holds on a workspace, if any. */
    public Optional<WorkspaceRight> rightOf(CompanyId company, String workspaceId, String accountId) {
        return members.rightOf(company, workspaceId, accountId);
    }

    /**
     * An accepted invitation: the invitee gets the invited right, granted by the inviter (who was
     * allowed to invite). Someone already a member keeps the right they hold. This is how outside
     * people enter a company's Users table (docs/rules.md §5).
     */
    @Transactional
    public boolean acceptInvitation(CompanyId company, String workspaceId, String accountId, WorkspaceRight right,
            String invitedBy) {
        if (members.rightOf(company, workspaceId, accountId).isPresent()) {
            return false;
        }
        members.insert(company, workspaceId, accountId, right);
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
                    + " users and to outside people already linked to it");
        }
        if (row.status() == UserStatus.DRAFT) {
            throw new Problems.Conflict("user-draft", "User " + (row.userId() == null ? row.id() : "'" + row.userId() + "'")
                    + " is a draft with no account yet: activate it before giving it a workspace right");
        }
    }

    private static Problems.NotFound noMember(String accountId) {
        return new Problems.NotFound("Account " + accountId + " holds no right on this workspace");
    }
}
