package io.roster.web;

import io.roster.shared.Page;
import io.roster.users.UserRow;
import io.roster.users.UsersTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;

/**
 * The one Users-table component of the console (template {@code fragments/users-table}), shown by the
 * company's Users page and by the partner space's: sortable column headers, Previous/Next over the
 * keyset pages and "1–50 of N". The filters of each page travel in every link it makes.
 */
final class UsersTableView {

    /** Rows per page of the console's tables. */
    static final int PAGE_SIZE = 50;

    private UsersTableView() {
    }

    /**
     * The table's current filters, carried by every link: {@code base} is the page's address,
     * {@code params} the filters it was asked with (empty ones are left out of links).
     */
    record Filters(String base, Map<String, Object> params) {

        static Filters of(String base, Object... namesAndValues) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                params.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return new Filters(base, params);
        }

        public String sort() {
            Object sort = params.get("sort");
            return sort == null || sort.toString().isBlank() ? "userId" : sort.toString();
        }

        /** A link to the table with one parameter changed (the cursor is dropped: a new list starts). */
        public String href(String key, Object value) {
            Map<String, Object> with = new LinkedHashMap<>(params);
            with.put(key, value);
            with.values().removeIf(v -> v == null || "".equals(v));
            StringBuilder url = new StringBuilder(base);
            char separator = '?';
            for (var entry : with.entrySet()) {
                url.append(separator).append(entry.getKey()).append('=')
                        .append(URLEncoder.encode(String.valueOf(entry.getValue()), StandardCharsets.UTF_8));
                separator = '&';
            }
            return url.toString();
        }

        /** The {@code aria-sort} of a column header: how the table is sorted by it, if it is. */
        public String sortState(String column) {
            String current = sort();
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

        /** The sort a column header switches to: ascending, or descending when already ascending. */
        public String toggle(String column) {
            return column.equals(sort()) ? "-" + column : column;
        }

        /**
         * A link to another page of the same list: its cursor, and the cursors of the pages before it
         * ({@code back}, "-" for the first page), which give "Previous" and the rows' positions.
         */
        String pageHref(String cursor, List<String> back) {
            StringBuilder url = new StringBuilder(href("cursor", cursor));
            if (!back.isEmpty()) {
                url.append(url.indexOf("?") < 0 ? '?' : '&').append("back=")
                        .append(URLEncoder.encode(String.join(",", back), StandardCharsets.UTF_8));
            }
            return url.toString();
        }

        /** This very page, for a row action to come back to when the browser runs no script. */
        String here(String cursor, String back) {
            if (cursor == null || cursor.isBlank()) {
                return href("cursor", null);
            }
            return pageHref(cursor, back == null || back.isBlank() ? List.of() : List.of(back.split(",")));
        }
    }

    /**
     * Puts the table's page, its pager and its count in the model: the cursors of the pages before
     * this one travel in the links ({@code back}, "-" standing for the first page), so going back is a
     * plain link too and the position is the number of pages before times the page size.
     * {@code total} is {@link UsersTable#count}'s answer.
     */
    static void show(Filters filters, String cursor, String back, Page<UserRow> page, long total, Model model) {
        List<String> before = back == null || back.isBlank() || cursor == null || cursor.isBlank() ? List.of()
                : List.of(back.split(","));
        int first = before.size() * PAGE_SIZE + 1;
        model.addAttribute("filters", filters);
        model.addAttribute("page", page);
        model.addAttribute("rangeFrom", page.items().isEmpty() ? 0 : first);
        model.addAttribute("rangeTo", first + page.items().size() - 1);
        model.addAttribute("total", total);
        model.addAttribute("totalCapped", total > UsersTable.COUNT_CAP);
        model.addAttribute("countCap", UsersTable.COUNT_CAP);
        model.addAttribute("here", filters.here(cursor, back));
        if (!before.isEmpty()) {
            String previous = before.getLast();
            List<String> earlier = before.subList(0, before.size() - 1);
            model.addAttribute("previousUrl", "-".equals(previous) ? filters.href("cursor", null)
                    : filters.pageHref(previous, earlier));
        }
        if (page.nextCursor() != null) {
            List<String> next = new ArrayList<>(before);
            next.add(cursor == null || cursor.isBlank() ? "-" : cursor);
            model.addAttribute("nextUrl", filters.pageHref(page.nextCursor(), next));
        }
    }

    /** An empty table, for a filter the page refused. */
    static void empty(Filters filters, Model model) {
        show(filters, null, null, new Page<>(List.of(), null), 0, model);
    }
}
