package io.roster.users;

import io.roster.shared.FieldErrors;
import io.roster.shared.PageRequest;

/**
 * Filters and order of the Users table. {@code q} is a prefix of the userId, the email, or of any
 * word of the first or last name, ignoring case and accents ({@link SearchKey}). {@code sort} is one of {@link Sort}, descending when {@code descending}.
 */
public record UsersQuery(UserStatus status, Boolean external, String q, RoleFilter role, Sort sort, boolean descending,
        PageRequest page) {

    /** Only rows holding this role in this company. */
    public record RoleFilter(io.roster.shared.CompanyId companyId, String roleId) {
    }


    public static final int MAX_Q = 100;

    /** Sorts and the indexed columns behind them (the row id breaks ties). */
    public enum Sort {
        userId("user_id_sort"), lastName("last_name_sort"), email("email_sort"), status("status");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    /** Parses the API's {@code sort} parameter: a field name, {@code -} in front for descending. */
    public static UsersQuery of(String status, Boolean external, String q, String sort, PageRequest page) {
        return of(status, external, q, null, sort, page);
    }

    public static UsersQuery of(String status, Boolean external, String q, RoleFilter role, String sort,
            PageRequest page) {
        FieldErrors errors = new FieldErrors().maxLength("q", q, MAX_Q);
        UserStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = UserStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("status", "must be DRAFT, ACTIVE or INACTIVE");
            }
        }
        String sortName = sort == null || sort.isBlank() ? "userId" : sort.trim();
        boolean descending = sortName.startsWith("-");
        Sort parsedSort = null;
        try {
            parsedSort = Sort.valueOf(descending ? sortName.substring(1) : sortName);
        } catch (IllegalArgumentException e) {
            errors.add("sort", "must be userId, lastName, email or status, with '-' in front for descending order");
        }
        errors.throwIfAny();
        // A search folding to nothing (only accents or spaces) searches nothing: the whole table.
        return new UsersQuery(parsedStatus, external, q == null || SearchKey.of(q).isEmpty() ? null : q.trim(), role, parsedSort,
                descending, page);
    }

    /** The same query without {@code q}, for a caller that tests the prefix itself. */
    UsersQuery withoutSearch() {
        return new UsersQuery(status, external, null, role, sort, descending, page);
    }

    String cursorSort() {
        return (descending ? "-" : "") + sort.name();
    }
}
