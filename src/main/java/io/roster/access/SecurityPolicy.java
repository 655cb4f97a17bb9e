package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import io.roster.tenancy.GrantScope;
import io.roster.tenancy.PartnerAccess;
import io.roster.tenancy.Tenancy;
import io.roster.users.Accounts;
import io.roster.users.Credentials;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's security policy (docs/rules.md §21): "require a second factor for administrators".
 * When on, whoever holds an administrator's permission there (any {@code *.manage}), through a
 * company role or a partner role over the company, and has no second factor must enrol one before
 * going further after their next sign-in.
 */
@Service
public class SecurityPolicy {

    /** The permissions that make an administrator for the policy: every one that changes something. */
    static final Set<Permission> ADMIN = EnumSet.of(Permission.USERS_MANAGE, Permission.ROLES_MANAGE,
            Permission.WORKSPACES_MANAGE, Permission.BILLING_MANAGE);

    public record Policy(boolean requireMfaForAdmins) {
    }

    private final JdbcClient jdbc;
    private final Roles roles;
    private final RoleAssignments assignments;
    private final SecondFactors factors;
    private final ApplicationEventPublisher events;
    private final PartnerMembers partnerMembers;
    private final PartnerAccess partnerAccess;
    private final Accounts accounts;
    private final Tenancy tenancy;

    SecurityPolicy(JdbcClient jdbc, Roles roles, RoleAssignments assignments, SecondFactors factors,
            ApplicationEventPublisher events, PartnerMembers partnerMembers, PartnerAccess partnerAccess,
            Accounts accounts, Tenancy tenancy) {
        this.accounts = accounts;
        this.tenancy = tenancy;
        this.partnerMembers = partnerMembers;
        this.partnerAccess = partnerAccess;
        this.jdbc = jdbc;
        this.roles = roles;
        this.assignments = assignments;
        this.factors = factors;
        this.events = events;
    }

    public Policy of(CompanyId company) {
        return new Policy(jdbc.sql("SELECT require_mfa_for_admins FROM company_security WHERE company_id = ?")
                .param(company.value()).query(Boolean.class).optional().orElse(false));
    }

    /** Changes the policy; the caller was authorized for {@code roles.manage} and {@code users.manage} there. */
    @Transactional
    public Policy change(CompanyAccess access, boolean requireMfaForAdmins) {
        CompanyId company = access.company();
        Policy before = of(company);
        if (before.requireMfaForAdmins() == requireMfaForAdmins) {
            return before;
        }
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        if (jdbc.sql("UPDATE company_security SET require_mfa_for_admins = ?, updated_at = ? WHERE company_id = ?")
                .params(requireMfaForAdmins, now, company.value()).update() == 0) {
            jdbc.sql("INSERT INTO company_security (company_id, require_mfa_for_admins, updated_at) VALUES (?, ?, ?)")
                    .params(company.value(), requireMfaForAdmins, now).update();
        }
        events.publishEvent(new SecondFactorEvents.PolicyChanged(company, before.requireMfaForAdmins(),
                requireMfaForAdmins, access.caller().accountId()));
        return new Policy(requireMfaForAdmins);
    }

    /**
     * True when the account has no second factor yet and holds an administrator's permission in a
     * company that requires one of its administrators: through its company roles there, or through a
     * partner role over it (a partner member acts in every attached company with its role's permissions).
     */
    public boolean enrolmentDue(String accountId) {
        return enrolmentRequiredBy(accountId).isPresent();
    }

    /**
     * The API's refusal of a sign-in while the account owes an enrolment ({@link #enrolmentDue}), or
     * empty when it owes none. Like the console's profile page it says "your company" for the
     * person's own and names any other (a partner's client company), so partner staff know who asks.
     */
    public Optional<ProblemException> enrolmentRefusal(String accountId, String homeCompanyId) {
        return enrolmentRequiredBy(accountId).map(company -> {
            if (company.value().equals(homeCompanyId)) {
                return new Problems.Forbidden("mfa-enrolment-required", "Your company requires a second factor of its"
                        + " administrators: sign in to the console and add an authenticator app or a passkey on your"
                        + " profile first").coded("MFA_ENROLMENT_REQUIRED");
            }
            String name = tenancy.findCompany(company).map(found -> found.name()).orElse(company.value());
            return new Problems.Forbidden("mfa-enrolment-required", name + " requires a second factor of the people"
                    + " who administer it: sign in to the console and add an authenticator app or a passkey on your"
                    + " profile first").coded("MFA_ENROLMENT_REQUIRED_BY", name);
        });
    }

    /**
     * The company whose policy makes the account enrol ({@link #enrolmentDue}), or empty when none
     * does: its home company when that is one of them, so the person reads "your company", else
     * the first found, which the person must be told by name (a partner's client company).
     */
    public Optional<CompanyId> enrolmentRequiredBy(String accountId) {
        if (factors.enrolled(accountId)) {
            return Optional.empty();
        }
        Optional<CompanyId> byRole = adminOfStrictCompany(accountId);
        return byRole.isPresent() ? byRole : adminThroughPartnerOfStrictCompany(accountId);
    }

    private Optional<CompanyId> adminOfStrictCompany(String accountId) {
        List<String> strict = jdbc.sql("SELECT DISTINCT s.company_id FROM company_security s"
                        + " JOIN role_assignments r ON r.company_id = s.company_id"
                        + " WHERE s.require_mfa_for_admins = TRUE AND r.account_id = ? ORDER BY s.company_id")
                .param(accountId).query(String.class).list();
        if (strict.isEmpty()) {
            return Optional.empty();
        }
        Optional<CompanyId> home = accounts.byId(accountId).map(Credentials::homeCompanyId).map(CompanyId::new);
        CompanyId first = null;
        for (String id : strict) {
            CompanyId company = new CompanyId(id);
            Set<Permission> held = roles.permissionsOf(company, assignments.roleIdsOf(company, accountId));
            if (held.stream().anyMatch(ADMIN::contains)) {
                if (home.isPresent() && home.get().equals(company)) {
                    return home;
                }
                first = first == null ? company : first;
            }
        }
        return Optional.ofNullable(first);
    }

    /** A partner role carrying an administrator's permission, over at least one company requiring the second factor (through a current grant). */
    private Optional<CompanyId> adminThroughPartnerOfStrictCompany(String accountId) {
        for (PartnerMembers.Membership membership : partnerMembers.of(accountId)) {
            if (membership.role().companyPermissions().stream().noneMatch(ADMIN::contains)) {
                continue;
            }
            // the companies the partner's staff may administer now: a current grant with the users scope
            List<CompanyId> attached = partnerAccess.companiesInScope(membership.partnerId(), GrantScope.USERS);
            for (int from = 0; from < attached.size(); from += CHUNK) {
                List<String> ids = attached.subList(from, Math.min(attached.size(), from + CHUNK)).stream()
                        .map(CompanyId::value).toList();
                Optional<String> strict = jdbc.sql("SELECT MIN(company_id) FROM company_security"
                        + " WHERE require_mfa_for_admins = TRUE AND company_id IN (:ids)").param("ids", ids)
                        .query(String.class).list().stream().filter(Objects::nonNull).findFirst();
                if (strict.isPresent()) {
                    return strict.map(CompanyId::new);
                }
            }
        }
        return Optional.empty();
    }

    /** Companies of a partner looked up per query, so the statement stays small whatever the partner's size. */
    private static final int CHUNK = 500;
}
