package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.CallerOverview;
import io.roster.access.Permission;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller: account, companies and roles, partner roles, effective permissions. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final CallerOverview overview;

    MeController(CallerOverview overview) {
        this.overview = overview;
    }

    record MeView(Account account, boolean operator, List<Company> companies, List<Partner> partners) {
    }

    record Account(String id, String userId, String firstName, String lastName, String email, String homeCompanyId,
            String homePartnerId) {
    }

    record Company(String companyId, String name, boolean home, List<String> roles, List<String> permissions) {
    }

    record Partner(String partnerId, String name, String role, List<String> companyPermissions) {
    }

    @GetMapping
    MeView me(@AuthenticationPrincipal Caller caller) {
        CallerOverview.Overview me = overview.of(caller);
        var a = me.account();
        return new MeView(new Account(a.accountId(), a.userId(), a.firstName(), a.lastName(), a.email(),
                a.homeCompanyId(), a.homePartnerId()), me.operator(),
                me.companies().stream().map(c -> new Company(c.companyId(), c.name(), c.home(), c.roles(),
                        codes(c.permissions()))).toList(),
                me.partners().stream().map(p -> new Partner(p.partnerId(), p.name(), p.role().name(),
                        codes(p.companyPermissions()))).toList());
    }

    private static List<String> codes(java.util.Set<Permission> permissions) {
        return permissions.stream().map(Permission::code).sorted().toList();
    }
}
