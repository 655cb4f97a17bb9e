package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.RoleAssignments;
import io.roster.access.Roles;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.ProblemException;
import io.roster.users.UserRow;
import io.roster.users.UsersQuery;
import io.roster.users.UsersTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The company's Users table (seed 000): internal and external rows, searched by prefix, filtered,
 * sorted and paginated by keyset, so it stays fast with 100,000 rows. Rows edit inline (htmx), those
 * the caller may change ({@link ManageableRows}); the others offer "Open" only.
 */
@Controller
@RequestMapping("/companies/{companyId}/users")
class UsersPage {

    private final Guard guard;
    private final UsersTable table;
    private final RoleAssignments assignments;
    private final Roles roles;
    private final RoleLabels roleLabels;
    private final ManageableRows manageable;

    UsersPage(Guard guard, UsersTable table, RoleAssignments assignments, Roles roles, RoleLabels roleLabels,
            ManageableRows manageable) {
        this.manageable = manageable;
        this.guard = guard;
        this.table = table;
        this.assignments = assignments;
        this.roles = roles;
        this.roleLabels = roleLabels;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean external, @RequestParam(required = false) String role,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String back, Locale locale, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_READ);
        var filters = UsersTableView.Filters.of("/companies/" + companyId + "/users", "q", q, "status", status,
                "external", external, "role", role, "sort", sort);
        model.addAttribute("companyId", companyId);
        model.addAttribute("canManage", access.has(Permission.USERS_MANAGE));
        model.addAttribute("roles", roles.of(access.company()));
        try {
            UsersQuery.RoleFilter roleFilter = role == null || role.isBlank() ? null
                    : new UsersQuery.RoleFilter(access.company(), role);
            Page<UserRow> page = table.list(access.company(), UsersQuery.of(status, external, q, roleFilter, sort,
                    PageRequest.of(UsersTableView.PAGE_SIZE, cursor)));
            long total = table.count(access.company(), UsersQuery.of(status, external, q, roleFilter, sort,
                    PageRequest.first(UsersTableView.PAGE_SIZE)));
            UsersTableView.show(filters, cursor, back, page, total, model);
            var roleIds = assignments.roleIdsOf(access.company(), page.items().stream().map(UserRow::id).toList());
            model.addAttribute("roleCells", roleLabels.cells(access.company(), roleIds, locale));
            // the actions of rows the caller may change only: an administrator's row shows "Open" to a user manager
            model.addAttribute("manageable", manageable.of(access, page.items()));
        } catch (ProblemException badFilter) {
            UsersTableView.empty(filters, model);
            model.addAttribute("roleCells", Map.of());
            model.addAttribute("manageable", Set.of());
            model.addAttribute("filterError", badFilter.detail());
        }
        return "users/list";
    }
}
