package io.roster.oidc;

import io.roster.access.Permission;
import io.roster.access.Role;
import io.roster.access.RoleAssignments;
import io.roster.access.Roles;
import io.roster.shared.CompanyId;
import io.roster.tenancy.Company;
import io.roster.tenancy.Tenancy;
import io.roster.users.CompanyLinks;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The companies a person may sign in to an app in: those where they hold a role or a workspace
 * right (their standing there, docs/rules.md §13). A partner's staff administer their partner's
 * companies but sign in to a company's apps only with a role or a right in it. Read through the
 * access, users and tenancy APIs.
 */
@Service
public class SignInCompanies {

    private final Tenancy tenancy;
    private final CompanyLinks links;
    private final RoleAssignments assignments;
    private final Roles roles;

    SignInCompanies(Tenancy tenancy, CompanyLinks links, RoleAssignments assignments, Roles roles) {
        this.tenancy = tenancy;
        this.links = links;
        this.assignments = assignments;
        this.roles = roles;
    }

    /** A company offered on the chooser page. */
    public record CompanyChoice(String companyId, String name, String slug) {
    }

    /** Where the person may sign in, by name. */
    public List<CompanyChoice> of(String accountId) {
        Map<CompanyId, Company> companies = tenancy.companies(links.companiesOf(accountId));
        return companies.values().stream()
                .sorted(Comparator.comparing(Company::name, String.CASE_INSENSITIVE_ORDER).thenComparing(c -> c.id().value()))
                .map(company -> new CompanyChoice(company.id().value(), company.name(), company.slug()))
                .toList();
    }

    /** The company an authorization request names, by id or by slug. */
    Optional<Company> named(String idOrSlug) {
        if (idOrSlug == null || idOrSlug.isBlank() || idOrSlug.length() > 100) {
            return Optional.empty();
        }
        return tenancy.findCompany(new CompanyId(idOrSlug.strip())).or(() -> tenancy.findCompanyBySlug(idOrSlug));
    }

    Optional<Company> company(String companyId) {
        return tenancy.findCompany(new CompanyId(companyId));
    }

    /** What the person holds in the company: empty when they have no standing there. */
    Optional<Held> heldIn(String accountId, CompanyId company) {
        List<String> roleIds = assignments.roleIdsOf(company, accountId);
        if (roleIds.isEmpty() && !links.linkedByWorkspace(company, accountId)) {
            return Optional.empty();
        }
        TreeSet<String> permissions = new TreeSet<>();
        for (String roleId : roleIds) {
            roles.find(company, roleId).map(Role::permissions)
                    .ifPresent(held -> held.stream().map(Permission::code).forEach(permissions::add));
        }
        return Optional.of(new Held(roleIds, List.copyOf(permissions)));
    }

    /** Role ids and permission codes held in one company. */
    record Held(List<String> roleIds, List<String> permissions) {
    }
}
