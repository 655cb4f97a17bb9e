package io.roster.users;

import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads a company's Users table: filtered, searched by prefix and keyset-paginated, so a page costs
 * the same at row 100 as at row 100,000. Each sort walks one index (see V1 migration).
 */
@Service
public class UsersTable {

    private final JdbcClient jdbc;

    UsersTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<UserRow> list(CompanyId company, UsersQuery query) {
        if (Boolean.TRUE.equals(query.external())) {
            // External people are those of other homes holding a role or right here; roles and
            // workspace rights come with the access module, until then no account qualifies.
            return new Page<>(List.of(), null);
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(UserRows.COLUMNS)
                .append(", ").append(query.sort().column).append(" AS sort_key")
                .append(" FROM accounts WHERE home_company_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(company.value());
        if (query.status() != null) {
            sql.append(" AND status = ?");
            params.add(query.status().name());
        }
        if (query.q() != null) {
            String prefix = escapeLike(query.q().toLowerCase(Locale.ROOT)) + "%";
            sql.append(" AND (user_id_sort LIKE ? ESCAPE '\\' OR first_name_sort LIKE ? ESCAPE '\\'"
                    + " OR last_name_sort LIKE ? ESCAPE '\\' OR email_sort LIKE ? ESCAPE '\\')");
            params.addAll(List.of(prefix, prefix, prefix, prefix));
        }
        String column = query.sort().column;
        String direction = query.descending() ? "DESC" : "ASC";
        Cursor after = query.page().cursor() == null ? null : query.page().cursor().requireSort(query.cursorSort());
        if (after != null) {
            sql.append(" AND (").append(column).append(", id) ").append(query.descending() ? "<" : ">").append(" (?, ?)");
            params.add(after.key());
            params.add(after.id());
        }
        sql.append(" ORDER BY ").append(column).append(' ').append(direction).append(", id ").append(direction)
                .append(" FETCH FIRST ").append(query.page().limit() + 1).append(" ROWS ONLY");
        List<Keyed> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Keyed(UserRows.map(rs, n), rs.getString("sort_key")))
                .list();
        return Page.fromLookahead(rows, query.page().limit(),
                last -> new Cursor(query.cursorSort(), last.sortKey(), last.row().id())).map(Keyed::row);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Keyed(UserRow row, String sortKey) {
    }
}
