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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The company's Users table (seed 000): internal and external rows, searched by prefix, filtered,
 * sorted and paginated by keyset, so it stays fast with 100,000 rows. Rows edit inline (htmx).
 */
@Controller
@RequestMapping("/companies/{companyId}/users")
class UsersPage {

    private final Guard guard;
    private final UsersTable table;
    private final RoleAssignments assignments;
    private final Roles roles;
    private final RoleLabels roleLabels;

    UsersPage(Guard guard, UsersTable table, RoleAssignments assignments, Roles roles, RoleLabels roleLabels) {
        this.guard = guard;
        this.table = table;
        this.assignments = assignments;
        this.roles = roles;
        this.roleLabels = roleLabels;
    }

    /** The table's current filters, carried by every link of the page. */
    record Filters(String q, String status, Boolean external, String role, String sort) {
        public Map<String, Object> with(String key, Object value) {
            Map<String, Object> params = new java.util.LinkedHashMap<>();
            params.put("q", q);
            params.put("status", status);
            params.put("external", external);
            params.put("role", role);
            params.put("sort", sort);
            params.put(key, value);
            params.values().removeIf(v -> v == null || "".equals(v));
            return params;
        }

        /** A link to the table with one parameter changed (the cursor is dropped: a new list starts). */
        public String href(String base, String key, Object value) {
            StringBuilder url = new StringBuilder(base);
            char separator = '?';
            for (var entry : with(key, value).entrySet()) {
                url.append(separator).append(entry.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(String.valueOf(entry.getValue()), java.nio.charset.StandardCharsets.UTF_8));
                separator = '&';
            }
            return url.toString();
        }

        /** The {@code aria-sort} of a column header: how the table is sorted by it, if it is. */
        public String sortState(String column) {
            String current = sort == null || sort.isBlank() ? "userId" : sort;
            return current.equals(column) ? "ascending" : current.equals("-" + column) ? "descending" : "none";
        }

        /** The arrow shown beside the sorted column's header. */
        public String arrow(String column) {
            return switch (sortState(column)) {
                case "ascending" -> "▲";
                case "descending" -> "▼";
                default -> "";
            };
        }

        /**
         * A link to another page of the same list: its cursor, and the cursors of the pages before it
         * ({@code back}, "-" for the first page), which give "Previous" and the rows' positions.
         */
        public String pageHref(String base, String cursor, List<String> back) {
            StringBuilder url = new StringBuilder(href(base, "cursor", cursor));
            if (!back.isEmpty()) {
                url.append(url.indexOf("?") < 0 ? '?' : '&').append("back=")
                        .append(java.net.URLEncoder.encode(String.join(",", back), java.nio.charset.StandardCharsets.UTF_8));
            }
            return url.toString();
        }

        /** The sort a column header switches to: ascending, or descending when already ascending. */
        public String toggle(String column) {
            return column.equals(sort == null ? "userId" : sort) ? "-" + column : column;
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) Boolean external, @RequestParam(required = false) String role,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String back, Locale locale, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_READ);
        Filters filters = new Filters(q, status, external, role, sort);
        model.addAttribute("filters", filters);
        model.addAttribute("companyId", companyId);
        model.addAttribute("canManage", access.has(Permission.USERS_MANAGE));
        model.addAttribute("roles", roles.of(access.company()));
        try {
            UsersQuery.RoleFilter roleFilter = role == null || role.isBlank() ? null
                    : new UsersQuery.RoleFilter(access.company(), role);
            Page<UserRow> page = table.list(access.company(),
                    UsersQuery.of(status, external, q, roleFilter, sort, PageRequest.of(PAGE_SIZE, cursor)));
            model.addAttribute("page", page);
            addPager(filters, companyId, cursor, back, page, model);
            var roleIds = assignments.roleIdsOf(access.company(), page.items().stream().map(UserRow::id).toList());
            model.addAttribute("roleCells", roleLabels.cells(access.company(), roleIds, locale));
        } catch (ProblemException badFilter) {
            model.addAttribute("page", new Page<UserRow>(List.of(), null));
            model.addAttribute("roleCells", Map.of());
            model.addAttribute("filterError", badFilter.detail());
        }
        return "users/list";
    }

    /** Rows per page of the console's table. */
    static final int PAGE_SIZE = 50;

    /**
     * Previous and next pages and "1–50" of a keyset list: the cursors of the pages before this one
     * travel in the links ({@code back}, "-" standing for the first page), so going back is a
     * plain link too and the position is the number of pages before times the page size.
     */
    private static void addPager(Filters filters, String companyId, String cursor, String back, Page<UserRow> page,
            Model model) {
        List<String> before = back == null || back.isBlank() || cursor == null || cursor.isBlank() ? List.of()
                : List.of(back.split(","));
        String base = "/companies/" + companyId + "/users";
        int first = before.size() * PAGE_SIZE + 1;
        model.addAttribute("rangeFrom", page.items().isEmpty() ? 0 : first);
        model.addAttribute("rangeTo", first + page.items().size() - 1);
        if (!before.isEmpty()) {
            String previous = before.getLast();
            List<String> earlier = before.subList(0, before.size() - 1);
            model.addAttribute("previousUrl", "-".equals(previous) ? filters.href(base, "cursor", null)
                    : filters.pageHref(base, previous, earlier));
        }
        if (page.nextCursor() != null) {
            List<String> next = new java.util.ArrayList<>(before);
            next.add(cursor == null || cursor.isBlank() ? "-" : cursor);
            model.addAttribute("nextUrl", filters.pageHref(base, page.nextCursor(), next));
        }
    }
}
