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
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
     * What the caller may do in each of these companies, as {@link #accessTo} answers for one,
     * read in a fixed number of statements however many they are (a page of companies): those
     * where it has no standing (a 404 for {@link #accessTo}) are left out.
     */
    public Map<CompanyId, CompanyAccess> accessesTo(Caller caller, Collection<CompanyId> companies) {
        return standingsIn(caller, companies);
    }

    /**
     * {@link #standingIn} for many companies, by company in the order asked, the same rules read
     * in batches: the companies, the caller's roles there, their custom roles, its partner role
     * and that partner's grants, its workspace rights: at most six statements for any number.
     */
    Map<CompanyId, CompanyAccess> standingsIn(Caller caller, Collection<CompanyId> companies) {
        requireCaller(caller);
        Map<CompanyId, CompanyAccess> standings = new LinkedHashMap<>();
        List<CompanyId> asked = companies.stream().distinct()
                .filter(company -> caller.companyScope() == null || caller.companyScope().equals(company.value()))
                .toList();
        if (asked.isEmpty()) {
            return standings;
        }
        Set<CompanyId> existing = tenancy.companies(asked).keySet();
        List<CompanyId> known = asked.stream().filter(existing::contains).toList();
        if (caller.operator()) {
            known.forEach(company -> standings.put(company,
                    new CompanyAccess(caller, company, EnumSet.allOf(Permission.class), null, true)));
            return standings;
        }
        Map<CompanyId, Map<String, List<String>>> held = assignments.roleIdsIn(known, List.of(caller.accountId()));
        Map<CompanyId, List<String>> roleIds = new HashMap<>();
        held.forEach((company, byAccount) -> roleIds.put(company, byAccount.getOrDefault(caller.accountId(), List.of())));
        Map<CompanyId, Map<String, Set<Permission>>> byRole = roles.permissionsByRole(roleIds);
        PartnerRole partnerRole = null;
        Map<CompanyId, PartnerGrant> grants = Map.of();
        if (caller.homePartnerId() != null) {
            // partner members are the partner's staff (accounts whose home is the partner space)
            PartnerId partner = new PartnerId(caller.homePartnerId());
            partnerRole = partnerMembers.roleOf(partner, caller.accountId()).orElse(null);
            grants = partnerRole == null ? Map.of() : partnerAccess.currentIn(partner, known);
        }
        List<CompanyId> withoutRole = new ArrayList<>();
        for (CompanyId company : known) {
            if (roleIds.getOrDefault(company, List.of()).isEmpty() && !grants.containsKey(company)
                    && !company.value().equals(caller.homeCompanyId())) {
                withoutRole.add(company);
            }
        }
        Set<CompanyId> byWorkspace = links.linkedByWorkspaceAmong(caller.accountId(), withoutRole);
        for (CompanyId company : known) {
            List<String> ids = roleIds.getOrDefault(company, List.of());
            Set<Permission> permissions = Roles.union(byRole.getOrDefault(company, Map.of()), ids);
            PartnerGrant grant = grants.get(company);
            PartnerRole viaPartner = grant == null ? null : partnerRole;
            if (viaPartner != null) {
                permissions.addAll(viaPartner.companyPermissions(grant.scope()));
            }
            // the same standing as standingIn: a role or a partner role makes a member; the home
            // company or a workspace right gives standing without membership; else none
            boolean member = !ids.isEmpty() || viaPartner != null;
            if (member || company.value().equals(caller.homeCompanyId()) || byWorkspace.contains(company)) {
                standings.put(company, new CompanyAccess(caller, company, permissions, viaPartner, member));
            }
        }
        return standings;
    }

    /** A person of the actor's company, whom one of a batch of {@link #requireOutranks} checks is about. */
    public record Subject(CompanyAccess actor, String accountId) {
    }

    /**
     * {@link #requireOutranks} for many people at once, each with the actor's access to its
     * company (a page of rows of one or several companies): the subjects the check lets through,
     * by the same rules, in a fixed number of statements (the operators among them, their roles,
     * their custom roles, the companies' current partner grants, their partner roles).
     */
    public Set<Subject> outranking(Collection<Subject> subjects) {
        Set<Subject> passing = new LinkedHashSet<>();
        List<Subject> toCheck = new ArrayList<>();
        for (Subject subject : subjects) {
            if (subject.actor().caller().operator()) {
                passing.add(subject);
            } else {
                toCheck.add(subject);
            }
        }
        if (toCheck.isEmpty()) {
            return passing;
        }
        Set<String> accountIds = new LinkedHashSet<>();
        Set<CompanyId> companies = new LinkedHashSet<>();
        toCheck.forEach(subject -> {
            accountIds.add(subject.accountId());
            companies.add(subject.actor().company());
        });
        Set<String> operators = accounts.operatorsAmong(accountIds);
        Map<CompanyId, Map<String, Set<Permission>>> theirs = permissionsOf(companies, accountIds);
        for (Subject subject : toCheck) {
            Set<Permission> held = theirs.getOrDefault(subject.actor().company(), Map.of())
                    .getOrDefault(subject.accountId(), Set.of());
            if (!operators.contains(subject.accountId()) && subject.actor().permissions().containsAll(held)) {
                passing.add(subject);
            }
        }
        return passing;
    }

    /** {@link #permissionsOf(CompanyId, String)} of these people in these companies, by company then account. */
    private Map<CompanyId, Map<String, Set<Permission>>> permissionsOf(Collection<CompanyId> companies,
            Collection<String> accountIds) {
        Map<CompanyId, Map<String, List<String>>> roleIds = assignments.roleIdsIn(companies, accountIds);
        Map<CompanyId, Set<String>> distinctRoles = new HashMap<>();
        roleIds.forEach((company, byAccount) -> byAccount.values()
                .forEach(ids -> distinctRoles.computeIfAbsent(company, c -> new HashSet<>()).addAll(ids)));
        Map<CompanyId, Map<String, Set<Permission>>> byRole = roles.permissionsByRole(distinctRoles);
        Map<CompanyId, Map<String, Set<Permission>>> permissions = new HashMap<>();
        roleIds.forEach((company, byAccount) -> byAccount.forEach((accountId, ids) -> permissions
                .computeIfAbsent(company, c -> new HashMap<>())
                .put(accountId, Roles.union(byRole.getOrDefault(company, Map.of()), ids))));
        Map<CompanyId, List<PartnerGrant>> grants = partnerAccess.currentOfAll(companies);
        Set<PartnerId> partners = new HashSet<>();
        grants.values().forEach(ofCompany -> ofCompany.forEach(grant -> partners.add(grant.partnerId())));
        Map<PartnerId, Map<String, PartnerRole>> partnerRoles = partnerMembers.rolesOf(partners, accountIds);
        grants.forEach((company, ofCompany) -> {
            for (PartnerGrant grant : ofCompany) {
                partnerRoles.getOrDefault(grant.partnerId(), Map.of()).forEach((accountId, role) -> permissions
                        .computeIfAbsent(company, c -> new HashMap<>())
                        .computeIfAbsent(accountId, a -> EnumSet.noneOf(Permission.class))
                        .addAll(role.companyPermissions(grant.scope())));
            }
        });
        return permissions;
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
