package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.tenancy.Tenancy;
import io.roster.users.Accounts;
import io.roster.users.CompanyLinks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who the caller is and what it may do where: the source of {@code GET /api/v1/me} and of the
 * console's menu.
 */
@Service
public class CallerOverview {

    private final Tenancy tenancy;
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final PartnerMembers partnerMembers;
    private final Guard guard;
    private final CompanyLinks links;

    CallerOverview(JdbcClient jdbc, Accounts accounts, PartnerMembers partnerMembers, Guard guard, CompanyLinks links,
            Tenancy tenancy) {
        this.tenancy = tenancy;
        this.links = links;
        this.jdbc = jdbc;
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
     * thousands of companies (a partner's staff) costs a few statements per company listed. A
     * short list keeps its order (roles, then workspace rights); a long one is cut in company id order.
     */
    public Overview of(Caller caller, int mostCompanies) {
        Accounts.Profile profile = accounts.profiles(List.of(caller.accountId())).getFirst();
        Map<String, String> names = new LinkedHashMap<>();
        if (caller.homeCompanyId() != null) {
            names.put(caller.homeCompanyId(), null);
        }
        // companies where it holds a role, then those where it only holds a workspace right (see Guard)
        boolean bounded = mostCompanies < Integer.MAX_VALUE && caller.companyScope() == null;
        List<CompanyId> linked = bounded ? links.companiesOf(caller.accountId(), mostCompanies + 1)
                : links.companiesOf(caller.accountId());
        if (bounded && linked.size() <= mostCompanies) {
            linked = links.companiesOf(caller.accountId());
        }
        linked.forEach(id -> names.putIfAbsent(id.value(), null));
        List<CompanyStanding> companies = new ArrayList<>();
        for (String companyId : names.keySet()) {
            if (caller.companyScope() != null && !caller.companyScope().equals(companyId)) {
                continue;
            }
            if (companies.size() >= mostCompanies) {
                break;
            }
            CompanyAccess access = guard.standingIn(caller, new CompanyId(companyId));
            String name = tenancy.company(new CompanyId(companyId)).name();
            List<String> roles = jdbc.sql("SELECT role_id FROM role_assignments WHERE company_id = ? AND account_id = ?"
                            + " ORDER BY role_id").params(companyId, caller.accountId()).query(String.class).list();
            companies.add(new CompanyStanding(companyId, name, companyId.equals(caller.homeCompanyId()), roles,
                    access.permissions()));
        }
        List<PartnerStanding> partners = caller.companyScope() != null ? List.of()
                : partnerMembers.of(caller.accountId()).stream()
                        .map(m -> new PartnerStanding(m.partnerId().value(), m.partnerName(), m.role(),
                                m.role().companyPermissions()))
                        .toList();
        return new Overview(profile, caller.operator(), companies, partners);
    }
}
