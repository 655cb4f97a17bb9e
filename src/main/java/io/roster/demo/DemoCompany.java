package io.roster.demo;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Role;
import io.roster.demo.Names.Person;
import io.roster.tenancy.Company;
import io.roster.users.ActivationOutcome;
import io.roster.users.NewUser;
import io.roster.users.UserStatus;
import io.roster.workspaces.Workspace;
import io.roster.workspaces.WorkspaceAccess;
import io.roster.workspaces.WorkspaceRight;
import java.util.List;

/**
 * One company of the demo world, filled through the product's services as its administrators
 * would: the operator creates its people and roles, its own administrator its workspaces.
 */
final class DemoCompany {

    private final DemoServices services;
    private final Company company;
    private final CompanyAccess operator;
    private final String domain;
    private Caller administrator;

    DemoCompany(DemoServices services, Company company, Caller operator, String domain) {
        this.services = services;
        this.company = company;
        this.operator = services.guard().accessTo(operator, company.id());
        this.domain = domain;
    }

    /** An ACTIVE person with the demo password and a verified email: can sign in at once. */
    String active(Person person, String... roleIds) {
        return activated(create(person.userId(), person.firstName(), person.lastName(), person.emailAt(domain),
                UserStatus.ACTIVE, true, Persona.PASSWORD, person.locale(), roleIds));
    }

    String active(Persona persona, String... roleIds) {
        return activated(create(persona.userId(), persona.firstName(), persona.lastName(), persona.email(),
                UserStatus.ACTIVE, true, Persona.PASSWORD, persona.locale(), roleIds));
    }

    /** Activated without a password: the product sends the person an invitation to set one. */
    String invited(Person person, String... roleIds) {
        return activated(create(person.userId(), person.firstName(), person.lastName(), person.emailAt(domain),
                UserStatus.ACTIVE, false, null, person.locale(), roleIds));
    }

    /** An ACTIVE person who then left: INACTIVE, its license freed. */
    String inactive(Person person, String... roleIds) {
        String id = active(person, roleIds);
        services.lifecycle().deactivate(company.id(), id);
        return id;
    }

    /** A row as typed: saved as a DRAFT, and when {@code activate} the activation's refusal is its result. */
    String draft(String userId, String firstName, String lastName, String email, boolean activate, String locale) {
        return create(userId, firstName, lastName, email, activate ? UserStatus.ACTIVE : UserStatus.DRAFT, false, null,
                locale, "MEMBER").row().id();
    }

    /** Makes the company's administrator, who then acts for the company (workspaces, invitations). */
    String administrator(Persona persona) {
        String id = active(persona, "ADMINISTRATOR");
        administrator = new Caller(id, persona.userId(), false, company.id().value(), null, null, null);
        return id;
    }

    String administrator(Person person) {
        String id = active(person, "ADMINISTRATOR");
        administrator = new Caller(id, person.userId(), false, company.id().value(), null, null, null);
        return id;
    }

    Role role(String name, String... permissionCodes) {
        return services.roles().create(operator, name, List.of(permissionCodes));
    }

    /** A workspace made by the company's administrator, with its members. */
    Workspace workspace(String name) {
        return DemoSecurity.actingAs(administrator,
                () -> services.workspaces().create(services.workspaceGuard().toCreate(administrator, company.id()), name));
    }

    void let(Workspace workspace, String accountId, WorkspaceRight right) {
        DemoSecurity.actingAs(administrator,
                () -> services.members().set(managing(workspace), accountId, right));
    }

    /**
     * Lets a person of another company into a workspace: the operator links it to this company
     * with a role, its administrator gives the right, the role goes — the right alone keeps it
     * in the Users table as External.
     */
    void letExternal(Workspace workspace, String accountId, WorkspaceRight right) {
        services.grants().grant(operator, accountId, "MEMBER");
        let(workspace, accountId, right);
        services.assignments().revoke(company.id(), accountId, "MEMBER", operator);
    }

    /** Invites someone from outside by email: the product queues the invitation mail. */
    void invite(Workspace workspace, String email, WorkspaceRight right) {
        DemoSecurity.actingAs(administrator, () -> services.invitations().invite(managing(workspace), email, right.name()));
    }

    /** The administrator's access to manage a workspace, asked of the guard exactly as an adapter would. */
    private WorkspaceAccess managing(Workspace workspace) {
        return services.workspaceGuard().toManage(administrator, company.id(), workspace.id());
    }

    /** The demo's own people must all be activated: a refusal here is a mistake in the demo world. */
    private static String activated(ActivationOutcome outcome) {
        if (!outcome.activated()) {
            throw new IllegalStateException("Demo data: " + outcome.row().userId() + " was not activated: "
                    + outcome.row().validationResult());
        }
        return outcome.row().id();
    }

    private ActivationOutcome create(String userId, String firstName, String lastName, String email, UserStatus status,
            boolean emailVerified, String password, String locale, String... roleIds) {
        NewUser user = new NewUser(userId, firstName, lastName, email, status, emailVerified, password, locale, true, false);
        return services.creation().create(operator, user, List.of(roleIds));
    }
}
