package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.tenancy.Company;
import io.roster.tenancy.Tenancy;
import io.roster.users.Accounts;
import io.roster.users.CompanyLinks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Who the caller is and what it may do where: the source of {@code GET /api/v1/me} and of the
 * console's menu.
 */
@Service
public class CallerOverview {

    private final Tenancy tenancy;
    private final RoleAssignments assignments;
    private final Accounts accounts;
    private final PartnerMembers partnerMembers;
    private final Guard guard;
    private final CompanyLinks links;

    CallerOverview(RoleAssignments assignments, Accounts accounts, PartnerMembers partnerMembers, Guard guard,
            CompanyLinks links, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.links = links;
        this.assignments = assignments;
        this.accounts = accounts;
        this.partnerMembers = partnerMembers;
        this.guard = guard;
    }

    public record Overview(Accounts.Profile account, boolean operator, List<CompanyStanding> companies,
            List<PartnerStanding> partners) {
    }

    /** A company the caller has standing in: its roles there and its effective permissions. */
    public record CompanyStanding(String companyId, String name, boolean home, List<String> roles,
            Set<Permission> permissions) {
    }

    public record PartnerStanding(String partnerId, String name, PartnerRole role, Set<Permission> companyPermissions) {
    }

    public Overview of(Caller caller) {
        return of(caller, Integer.MAX_VALUE);
    }

    /**
     * {@link #of(Caller)} with at most {@code mostCompanies} companies (the home company first): a
     * page of the console lists no more than it can show, for someone with a role in each of
     * thousands of companies (a partner's staff), and reads them in a fixed number of statements
     * (their standing in one batch, their names, the roles held there), not a few per company. A
     * short list keeps its order (roles, then workspace rights); a long one is cut in company id order.
     */
    public Overview of(Caller caller, int mostCompanies) {
        Accounts.Profile profile = accounts.profiles(List.of(caller.accountId())).getFirst();
        Set<String> ids = new LinkedHashSet<>();
        if (caller.homeCompanyId() != null) {
            ids.add(caller.homeCompanyId());
        }
        // companies where it holds a role, then those where it only holds a workspace right (see Guard)
        boolean bounded = mostCompanies < Integer.MAX_VALUE && caller.companyScope() == null;
        List<CompanyId> linked = bounded ? links.companiesOf(caller.accountId(), mostCompanies + 1)
                : links.companiesOf(caller.accountId());
        if (bounded && linked.size() <= mostCompanies) {
            linked = links.companiesOf(caller.accountId());
        }
        linked.forEach(id -> ids.add(id.value()));
        List<CompanyId> listed = ids.stream()
                .filter(companyId -> caller.companyScope() == null || caller.companyScope().equals(companyId))
                .limit(mostCompanies).map(CompanyId::new).toList();
        Map<CompanyId, CompanyAccess> standings = guard.standingsIn(caller, listed);
        Map<CompanyId, Company> named = tenancy.companies(standings.keySet());
        Map<CompanyId, Map<String, List<String>>> roles = assignments.roleIdsIn(standings.keySet(),
                List.of(caller.accountId()));
        List<CompanyStanding> companies = new ArrayList<>();
        standings.forEach((company, access) -> companies.add(new CompanyStanding(company.value(),
                named.get(company).name(), company.value().equals(caller.homeCompanyId()),
                roles.getOrDefault(company, Map.of()).getOrDefault(caller.accountId(), List.of()),
                access.permissions())));
        List<PartnerStanding> partners = caller.companyScope() != null ? List.of()
                : partnerMembers.of(caller.accountId()).stream()
                        .map(m -> new PartnerStanding(m.partnerId().value(), m.partnerName(), m.role(),
                                m.role().companyPermissions()))
                        .toList();
        return new Overview(profile, caller.operator(), companies, partners);
    }
}
