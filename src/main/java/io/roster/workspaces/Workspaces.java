package io.roster.workspaces;

import io.roster.access.CompanyAccess;
import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.FieldErrors;
import io.roster.shared.Ids;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
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

    private final WorkspaceRows workspaces;
    private final MemberRows members;
    private final ApplicationEventPublisher events;

    Workspaces(WorkspaceRows workspaces, MemberRows members, ApplicationEventPublisher events) {
        this.workspaces = workspaces;
        this.members = members;
        this.events = events;
    }

    /**
     * Creates a workspace of the company; the creator holds ADMIN on it. {@code creator} comes from
     * {@link WorkspaceGuard#toCreate}, which lets only people holding a role in the company create.
     */
    @Transactional
    public Workspace create(CompanyAccess creator, String name) {
        CompanyId company = creator.company();
        String accountId = creator.caller().accountId();
        String trimmed = name == null ? null : name.trim();
        new FieldErrors().required("name", trimmed).maxLength("name", trimmed, MAX_NAME).throwIfAny();
        String id = Ids.newId();
        workspaces.insert(new Workspace(id, company, trimmed, accountId, 0, Instant.now()));
        members.insert(company, id, accountId, WorkspaceRight.ADMIN);
        events.publishEvent(new WorkspaceEvents.WorkspaceCreated(company, id, trimmed, accountId,
                WorkspaceRight.ADMIN, accountId));
        return workspaces.find(company, id).orElseThrow();
    }

    /**
     * The company's workspaces by name: all of them with {@code workspaces.read}, else the caller's.
     * {@code access} comes from {@link WorkspaceGuard#toList}.
     */
    @Transactional(readOnly = true)
    public Page<Workspace> list(CompanyAccess access, PageRequest page) {
        String onlyOf = WorkspaceAccess.seesAll(access) ? null : access.caller().accountId();
        return Page.fromLookahead(workspaces.page(access.company(), onlyOf, page), page.limit(),
                last -> new Cursor("name", last.name(), last.id()));
    }

    /** Whether this access lists every workspace of the company rather than only the caller's. */
    public static boolean seesAll(CompanyAccess access) {
        return WorkspaceAccess.seesAll(access);
    }
}
