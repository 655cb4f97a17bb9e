package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import io.roster.tenancy.PartnerAccess;
import io.roster.tenancy.PartnerGrant;
import io.roster.tenancy.Tenancy;
import io.roster.users.Accounts;
import io.roster.users.CompanyLinks;
import io.roster.users.Credentials;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The authorization check at the entry of every operation, called by the adapters ({@code api},
 * {@code web}; {@code demo} at start) and never by module operations, which take the
 * {@link CompanyAccess} it returns as data. A company or partner the caller has
 * no standing in answers 404 exactly like one that does not exist (ids are not to be probed);
 * standing without the needed permission answers 403 naming the permission. Standing comes from
 * the home company, a company role, a partner role through a current access grant of the company
 * (within the grant's scope, read with the clock at each request), or a workspace right there.
 */
@Component
public class Guard {

    private final Roles roles;
    private final RoleAssignments assignments;
    private final PartnerMembers partnerMembers;
    private final Accounts accounts;
    private final Tenancy tenancy;
    private final CompanyLinks links;
    private final PartnerAccess partnerAccess;

    Guard(Roles roles, RoleAssignments assignments, PartnerMembers partnerMembers, Accounts accounts,
            Tenancy tenancy, CompanyLinks links, PartnerAccess partnerAccess) {
        this.partnerAccess = partnerAccess;
        this.accounts = accounts;
        this.tenancy = tenancy;
        this.links = links;
        this.roles = roles;
        this.assignments = assignments;
        this.partnerMembers = partnerMembers;
    }

    public void requireOperator(Caller caller) {
        requireCaller(caller);
        if (!caller.operator()) {
            throw new Problems.Forbidden("Only the platform operator may do this").coded("OPERATOR_ONLY");
        }
        if (caller.companyScope() != null) {
            throw new Problems.Forbidden("This token is narrowed to one company: use a full token for platform operations").coded("TOKEN_NARROWED");
        }
    }

    /** The caller's access to a company, provided it may exercise {@code permission} there. */
    public CompanyAccess requireCompany(Caller caller, CompanyId company, Permission permission) {
        CompanyAccess access = accessTo(caller, company);
        if (!access.has(permission)) {
            throw new Problems.Forbidden("You need the permission '" + permission.code() + "' in this company")
                    .coded("PERMISSION_NEEDED", permission.code());
        }
        return access;
    }

    /**
     * The caller's access to a company as one of its administrators: every company permission held
     * through its own company roles (or the operator). A partner's staff never pass, whatever their
     * grant: the company answers its partners' access requests itself.
     */
    public CompanyAccess requireCompanyAdministrator(Caller caller, CompanyId company) {
        CompanyAccess access = accessTo(caller, company);
        if (caller.operator()) {
            return access;
        }
        List<String> roleIds = assignments.roleIdsOf(company, caller.accountId());
        Set<Permission> own = roleIds.isEmpty() ? EnumSet.noneOf(Permission.class) : roles.permissionsOf(company, roleIds);
        if (!own.containsAll(EnumSet.allOf(Permission.class))) {
            throw new Problems.Forbidden("Only the company's administrators may do this").coded("COMPANY_ADMIN_ONLY");
        }
        return access;
    }

    /**
     * The caller's access to a company as one of its members (a role there, a partner role over it,
     * or the operator): 403 for someone whose standing is only rights on some of its workspaces.
     */
    public CompanyAccess requireMember(Caller caller, CompanyId company) {
        CompanyAccess access = accessTo(caller, company);
        if (!access.member()) {
            throw new Problems.Forbidden("not-a-member", "You have no role in this company: you only see the workspaces"
                    + " you were given a right on");
        }
        return access;
    }

    /**
     * A company's directory, authenticated by its SCIM token: it manages the company's people and
     * nothing else. Its Groups are the company's roles, built-in ones included, so it may grant and
     * revoke any company role: it holds every company permission, which is why only someone holding
     * them all (an administrator) creates a SCIM token. Its {@link Caller} names the token, not a person.
     */
    public CompanyAccess directory(ScimClient client) {
        if (client == null) {
            throw new Problems.Unauthorized("Send a company SCIM token");
        }
        Caller asDirectory = new Caller(null, client.getName(), false, client.company().value(), null,
                client.tokenId(), client.company().value());
        return new CompanyAccess(asDirectory, client.company(), EnumSet.allOf(Permission.class), null, true);
    }

    /** What the caller may do in a company; 404 when it has no standing there at all. */
    public CompanyAccess accessTo(Caller caller, CompanyId company) {
        return standingIn(caller, company);
    }

    /**
     * The same answer as {@link #accessTo}, for {@link CallerOverview}, which reports the caller's
     * standing rather than authorizing an operation: the public methods stay the adapters' alone.
     */
    CompanyAccess standingIn(Caller caller, CompanyId company) {
        requireCaller(caller);
        if (caller.companyScope() != null && !caller.companyScope().equals(company.value())) {
            throw noCompany(company);
        }
        if (tenancy.findCompany(company).isEmpty()) {
            throw noCompany(company);
        }
        if (caller.operator()) {
            return new CompanyAccess(caller, company, EnumSet.allOf(Permission.class), null, true);
        }
        List<String> roleIds = assignments.roleIdsOf(company, caller.accountId());
        Set<Permission> permissions = roleIds.isEmpty() ? EnumSet.noneOf(Permission.class)
                : roles.permissionsOf(company, roleIds);
        PartnerRole viaPartner = null;
        if (caller.homePartnerId() != null) {
            // partner members are the partner's staff (accounts whose home is the partner space)
            PartnerId partner = new PartnerId(caller.homePartnerId());
            Optional<PartnerGrant> grant = partnerAccess.current(company, partner);
            viaPartner = grant.isEmpty() ? null : partnerMembers.roleOf(partner, caller.accountId()).orElse(null);
            if (viaPartner != null) {
                permissions.addAll(viaPartner.companyPermissions(grant.get().scope()));
            }
        }
        // A role (or a partner role) makes a member. The home company, or a right on a workspace,
        // gives standing without membership: the person sees the workspaces it was let into, no more.
        boolean member = !roleIds.isEmpty() || viaPartner != null;
        if (!member && !company.value().equals(caller.homeCompanyId()) && !holdsWorkspaceRight(company, caller.accountId())) {
            throw noCompany(company);
        }
        return new CompanyAccess(caller, company, permissions, viaPartner, member);
    }

    /**
     * Refuses (403) acting on a person who holds, in this company, a permission the actor lacks
     * (docs/rules.md §6): whoever may edit, deactivate, re-invite or delete someone could otherwise take
     * their account over — change its email, then reset its password. The same rule as granting
     * roles: nobody reaches above their own permissions.
     */
    public void requireOutranks(CompanyAccess actor, String accountId) {
        if (actor.caller().operator()) {
            return;
        }
        if (accounts.byId(accountId).filter(Credentials::operator).isPresent()) {
            throw new Problems.Forbidden("outranked", "You cannot change the platform operator's account").coded("OUTRANKED_OPERATOR");
        }
        Set<Permission> theirs = permissionsOf(actor.company(), accountId);
        theirs.removeAll(actor.permissions());
        if (!theirs.isEmpty()) {
            throw new Problems.Forbidden("outranked", "You cannot change this person: they hold the permission '"
                    + theirs.iterator().next().code() + "' in this company, which you do not have").coded("OUTRANKED", theirs.iterator().next().code());
        }
    }

    /** What a person may do in a company through its roles there and a partner role over it. */
    private Set<Permission> permissionsOf(CompanyId company, String accountId) {
        List<String> roleIds = assignments.roleIdsOf(company, accountId);
        Set<Permission> permissions = roleIds.isEmpty() ? EnumSet.noneOf(Permission.class)
                : roles.permissionsOf(company, roleIds);
        for (PartnerGrant grant : partnerAccess.currentOf(company)) {
            partnerMembers.roleOf(grant.partnerId(), accountId)
                    .ifPresent(role -> permissions.addAll(role.companyPermissions(grant.scope())));
        }
        return permissions;
    }

    /**
     * A right on one of the company's workspaces gives standing without any permission, so an
     * outside person can reach the workspaces it was let into. Asked of the users module's links:
     * the workspaces module depends on this one, not the other way round.
     */
    private boolean holdsWorkspaceRight(CompanyId company, String accountId) {
        return links.linkedByWorkspace(company, accountId);
    }

    /**
     * May the caller act in this partner space? Members see it; {@code adminOnly} operations need
     * PARTNER_ADMIN. People of a company never reach a partner space (404).
     */
    public void requirePartner(Caller caller, PartnerId partner, boolean adminOnly) {
        requireCaller(caller);
        if (caller.companyScope() != null) {
            // a token narrowed to a company never reaches a partner space, whoever owns it
            throw new Problems.NotFound("No partner " + partner).coded("NO_PARTNER", partner);
        }
        if (caller.operator()) {
            return;
        }
        PartnerRole role = partnerMembers.roleOf(partner, caller.accountId()).orElse(null);
        if (role == null) {
            throw new Problems.NotFound("No partner " + partner).coded("NO_PARTNER", partner);
        }
        if (adminOnly && role != PartnerRole.PARTNER_ADMIN) {
            throw new Problems.Forbidden("Only a partner administrator may do this").coded("PARTNER_ADMIN_ONLY");
        }
    }

    private static void requireCaller(Caller caller) {
        if (caller == null) {
            throw new Problems.Unauthorized("Sign in first");
        }
    }

    private static Problems.NotFound noCompany(CompanyId company) {
        return new Problems.NotFound("No company " + company).coded("NO_COMPANY", company);
    }
}
