package io.roster.workspaces;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.FieldErrors;
import io.roster.shared.Ids;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's workspaces: created by its people, owned by the company for good, seen in full with
 * {@code workspaces.read} and otherwise only where one holds a right. Members: {@link WorkspaceMembers}.
 */
@Service
public class Workspaces {

    static final int MAX_NAME = 200;

    private final Guard guard;
    private final WorkspaceGate gate;
    private final WorkspaceRows workspaces;
    private final MemberRows members;
    private final ApplicationEventPublisher events;

    Workspaces(Guard guard, WorkspaceGate gate, WorkspaceRows workspaces, MemberRows members,
            ApplicationEventPublisher events) {
        this.guard = guard;
        this.gate = gate;
        this.workspaces = workspaces;
        this.members = members;
        this.events = events;
    }

    /**
     * Creates a workspace of the company; the creator holds ADMIN on it. Someone with no role in the
     * company (only workspace rights there) may not create one (403): else a right, or a home
     * without roles, would make its own standing back.
     */
    @Transactional
    public Workspace create(Caller caller, CompanyId company, String name) {
        CompanyAccess access = guard.accessTo(caller, company);
        if (!access.member()) {
            throw new Problems.Forbidden("not-a-member", "Only people holding a role in the company can create its"
                    + " workspaces: you are here through rights on some of its workspaces");
        }
        String trimmed = name == null ? null : name.trim();
        new FieldErrors().required("name", trimmed).maxLength("name", trimmed, MAX_NAME).throwIfAny();
        String id = Ids.newId();
        workspaces.insert(new Workspace(id, company, trimmed, caller.accountId(), 0, Instant.now()));
        members.insert(company, id, caller.accountId(), WorkspaceRight.ADMIN);
        events.publishEvent(new WorkspaceEvents.WorkspaceCreated(company, id, trimmed, caller.accountId(),
                WorkspaceRight.ADMIN, caller.accountId()));
        return workspaces.find(company, id).orElseThrow();
    }

    /** The company's workspaces by name: all of them with {@code workspaces.read}, else the caller's. */
    @Transactional(readOnly = true)
    public Page<Workspace> list(Caller caller, CompanyId company, PageRequest page) {
        CompanyAccess access = guard.accessTo(caller, company);
        String onlyOf = WorkspaceAccess.seesAll(access) ? null : caller.accountId();
        return Page.fromLookahead(workspaces.page(company, onlyOf, page), page.limit(),
                last -> new Cursor("name", last.name(), last.id()));
    }

    @Transactional(readOnly = true)
    public Workspace get(Caller caller, CompanyId company, String workspaceId) {
        return gate.toRead(caller, company, workspaceId).workspace();
    }
}
