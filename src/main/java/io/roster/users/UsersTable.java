package io.roster.users;

import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.DatabaseProduct;
import io.roster.shared.Page;
import io.roster.shared.PartnerId;
import io.roster.shared.PartnerReach;
import io.roster.shared.Problems;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a company's Users table: its internal rows plus the external accounts that hold a role or
 * a workspace right in it, filtered, searched by prefix and keyset-paginated, so a page costs the
 * same at row 100 as at row 100,000. Each leg walks one index (see the V1 migration) before the two
 * are merged.
 *
 * <p>Which outside accounts are linked to a company, and who holds which role, is read from this
 * module's {@link CompanyLinks}, which the access module (role assignments) and the workspaces
 * module (workspace rights) keep in the same transaction as their grants: the table is paginated
 * as one list in SQL over this module's own tables.
 */
@Service
public class UsersTable {

    /**
     * Outside accounts holding a role in {@code :company} or a right on one of its workspaces: the
     * derived "external" link of docs/rules.md §5, so removing the last role and right unlinks.
     * Only the external links are read (an index range, see the V20 migration): the company's own
     * users' links, however many, are never touched by this leg.
     */
    static final String LINKED_ACCOUNTS = "SELECT cl.account_id FROM company_links cl WHERE cl.company_id = :company"
            + " AND cl.external = TRUE";

    private final JdbcClient jdbc;

    /** Whether the legs name their index (H2), see {@link #accounts(String, UsersQuery, Walk)}. */
    private final boolean namesIndexes;

    /** On PostgreSQL, the transaction a page is read in with a generic plan, see {@link #read(Supplier)}. */
    private final TransactionTemplate genericPlan;

    /** The tenancy module's answers on partners' grants, for {@link #acrossPartner}. */
    private final PartnerReach reach;

    private final Clock clock;

    UsersTable(JdbcClient jdbc, DatabaseProduct database, PlatformTransactionManager transactions, PartnerReach reach,
            Clock clock) {
        this.jdbc = jdbc;
        this.reach = reach;
        this.clock = clock;
        this.namesIndexes = database.isH2();
        this.genericPlan = database.isPostgreSql() ? readOnly(transactions) : null;
    }

    public Page<UserRow> list(CompanyId company, UsersQuery query) {
        String internal = "home_company_id = :company";
        String external = "id IN (" + LINKED_ACCOUNTS + ") AND (home_company_id IS NULL OR home_company_id <> :company)";
        String filters = filters(query);
        String sql;
        if (Boolean.TRUE.equals(query.external())) {
            sql = externalLeg(external + filters, query);
        } else if (Boolean.FALSE.equals(query.external())) {
            sql = leg(internal + filters, query, Walk.COMPANY, COMPANY_WORDS);
        } else {
            sql = "SELECT * FROM ((" + leg(internal + filters, query, Walk.COMPANY, COMPANY_WORDS) + ") UNION ALL ("
                    + externalLeg(external + filters, query)
                    + ")) merged ORDER BY " + order("sort_key", query) + fetchFirst(query);
        }
        var spec = jdbc.sql(sql).param("company", company.value());
        spec = bind(spec, query);
        return page(spec, UserRows.mapperFor(company), query);
    }

    /**
     * The internal rows of every company where the partner holds a current grant with the users
     * scope (docs/rules.md §7), or of one of them. The accounts of the companies the partner opened
     * are one range of an index ordered like the page (their opener is copied beside them, V90),
     * each row's company tested against the grant as it is now ({@link PartnerReach}); the
     * companies it asked access to, few, are a second leg merged in. A page reads its rows and the
     * ones it skips, however many companies the partner holds.
     */
    public Page<UserRow> acrossPartner(PartnerId partner, CompanyId onlyCompany, UsersQuery query) {
        if (Boolean.TRUE.equals(query.external())) {
            throw Problems.InvalidInput.of("external", "the partner space lists the internal users of its companies");
        }
        Instant now = clock.instant();
        String filters = filters(query);
        String sql;
        List<CompanyId> others = List.of();
        if (onlyCompany != null) {
            sql = leg(ONE_GRANTED_COMPANY + grant("home_company_id") + filters, query, Walk.COMPANY,
                    COMPANY_WORDS + " AND " + grant("w.company_id"));
        } else {
            String opened = leg(OPENED_BY_PARTNER + grant("home_company_id") + filters, query, Walk.PARTNER,
                    PARTNER_WORDS + " AND " + grant("w.company_id"));
            others = reach.grantedNotOpened(partner, now);
            sql = others.isEmpty() ? opened
                    : "SELECT * FROM ((" + opened + ") UNION ALL (" + leg(OTHER_COMPANIES + filters, query, null, OTHER_WORDS)
                            + ")) merged ORDER BY " + order("sort_key", query) + fetchFirst(query);
        }
        return page(bind(acrossPartnerParams(jdbc.sql(sql), partner, onlyCompany, others, now), query), UserRows::map,
                query);
    }

    /**
     * How many rows the table holds with these filters (the cursor and the order are ignored), counted
     * up to {@link #COUNT_CAP}: beyond it the answer is {@code COUNT_CAP + 1}, "more than". Each leg
     * and each search range reads at most that many entries of its index, so the count costs the same
     * in a company of 10,000 rows as of 100,000.
     */
    public long count(CompanyId company, UsersQuery query) {
        String internal = "home_company_id = :company" + filters(query);
        String external = "id IN (" + LINKED_ACCOUNTS + ") AND (home_company_id IS NULL OR home_company_id <> :company)"
                + filters(query);
        String ids;
        if (Boolean.TRUE.equals(query.external())) {
            ids = externalIds(external, query);
        } else if (Boolean.FALSE.equals(query.external())) {
            ids = matchingIds(internal, query, Walk.COMPANY, COMPANY_WORDS);
        } else {
            ids = "(" + matchingIds(internal, query, Walk.COMPANY, COMPANY_WORDS) + ") UNION ALL (" + externalIds(external, query)
                    + ")";
        }
        return counted(bind(jdbc.sql(capped(ids)).param("company", company.value()), query));
    }

    /** {@link #count} of {@link #acrossPartner}: its legs' matches, disjoint, each read up to the cap. */
    public long countAcrossPartner(PartnerId partner, CompanyId onlyCompany, UsersQuery query) {
        Instant now = clock.instant();
        String filters = filters(query);
        String ids;
        List<CompanyId> others = List.of();
        if (onlyCompany != null) {
            ids = matchingIds(ONE_GRANTED_COMPANY + grant("home_company_id") + filters, query, Walk.COMPANY,
                    COMPANY_WORDS + " AND " + grant("w.company_id"));
        } else {
            ids = matchingIds(OPENED_BY_PARTNER + grant("home_company_id") + filters, query, Walk.PARTNER,
                    PARTNER_WORDS + " AND " + grant("w.company_id"));
            others = reach.grantedNotOpened(partner, now);
            if (!others.isEmpty()) {
                ids = "(" + ids + ") UNION ALL (" + matchingIds(OTHER_COMPANIES + filters, query, null, OTHER_WORDS) + ")";
            }
        }
        return counted(bind(acrossPartnerParams(jdbc.sql(capped(ids)), partner, onlyCompany, others, now), query));
    }

    /** The one company asked for, when the partner's grant there is current. */
    private static final String ONE_GRANTED_COMPANY = "home_company_id = :company AND ";

    /** The accounts of the companies the partner opened (V90), when its grant there is current. */
    private static final String OPENED_BY_PARTNER = "company_partner_id = :partner AND ";

    /** The companies the partner reaches without having opened them, listed by the tenancy module. */
    private static final String OTHER_COMPANIES = "home_company_id IN (:others)";

    /** The words of the accounts of the companies the partner opened (V90). */
    private static final String PARTNER_WORDS = "w.partner_id = :partner";

    private static final String OTHER_WORDS = "w.company_id IN (:others)";

    /** The partner's current grant with the users scope on the company in {@code companyColumn}. */
    private String grant(String companyColumn) {
        return reach.currentUsersGrant(companyColumn);
    }

    private static JdbcClient.StatementSpec acrossPartnerParams(JdbcClient.StatementSpec spec, PartnerId partner,
            CompanyId onlyCompany, List<CompanyId> others, Instant now) {
        spec = spec.param("reachPartner", partner.value()).param("reachNow", now.atOffset(ZoneOffset.UTC));
        if (onlyCompany != null) {
            spec = spec.param("company", onlyCompany.value());
        } else {
            spec = spec.param("partner", partner.value());
        }
        if (!others.isEmpty()) {
            spec = spec.param("others", others.stream().map(CompanyId::value).toList());
        }
        return spec;
    }

    /** Where {@link #count} stops counting. */
    public static final int COUNT_CAP = 10_000;

    private long counted(JdbcClient.StatementSpec statement) {
        return read(() -> statement.query(Long.class).single());
    }

    private static String capped(String ids) {
        return "SELECT COUNT(*) FROM (SELECT id FROM (" + ids + ") matched" + countLimit() + ") counted";
    }

    private static String countLimit() {
        return " FETCH FIRST " + (COUNT_CAP + 1) + " ROWS ONLY";
    }

    /** The ids of one leg's matches, each index range read for at most {@link #COUNT_CAP} + 1 entries. */
    private String matchingIds(String where, UsersQuery query, Walk walk, String wordsScope) {
        if (query.q() == null) {
            String index = query.status() != null ? "_by_status" : "_user_id";
            return "SELECT id FROM " + accounts(index, query, walk) + " WHERE " + where + countLimit();
        }
        Prefix prefix = Prefix.of(query.q());
        String ranges = SEARCHED.stream().map(searched -> "(SELECT id FROM "
                + accounts(INDEX_BY_COLUMN.get(searched), query, walk) + " WHERE " + where + " AND "
                + prefix.condition(searched) + countLimit() + ")").collect(java.util.stream.Collectors.joining(" UNION "));
        return ranges + " UNION (SELECT accounts.id FROM account_name_words w JOIN accounts ON accounts.id = w.account_id"
                + " WHERE " + wordsScope + " AND " + prefix.condition("w.word") + " AND " + where + countLimit() + ")";
    }

    /** The outside accounts' matches: few, each tested as {@link #externalLeg} does. */
    private String externalIds(String where, UsersQuery query) {
        if (query.q() == null) {
            return "SELECT id FROM accounts WHERE " + where;
        }
        Prefix prefix = Prefix.of(query.q());
        String anyColumn = SEARCHED.stream().map(searched -> "(" + prefix.condition(searched) + ")")
                .collect(java.util.stream.Collectors.joining(" OR "))
                + " OR EXISTS (SELECT 1 FROM account_name_words w WHERE w.account_id = accounts.id AND "
                + prefix.condition("w.word") + ")";
        return "SELECT id FROM accounts WHERE " + where + " AND (" + anyColumn + ")";
    }

    /** Runs a page's statement (see {@link #read(Supplier)}) and cuts the page, with its next cursor. */
    private Page<UserRow> page(JdbcClient.StatementSpec statement, RowMapper<UserRow> mapper, UsersQuery query) {
        List<Keyed> rows = read(() -> statement.query((rs, n) -> new Keyed(mapper.mapRow(rs, n), rs.getString("sort_key")))
                .list());
        return Page.fromLookahead(rows, query.page().limit(),
                last -> new Cursor(query.cursorSort(), last.sortKey(), last.row().id())).map(Keyed::row);
    }

    /**
     * On PostgreSQL a page's statement runs with its generic plan: the statement is prepared once
     * per connection, but PostgreSQL kept planning it anew for every prefix (a custom plan, whose
     * planning cost more than its execution), while the plan it would cache is the same for every
     * prefix, each range on its own index (see {@link #leg(String, UsersQuery, Walk, String)}).
     * {@code SET LOCAL} ends with the read's transaction, or with the caller's when it has one.
     */
    private <T> T read(Supplier<T> statement) {
        if (genericPlan == null) {
            return statement.get();
        }
        return genericPlan.execute(status -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
            return statement.get();
        });
    }

    private static TransactionTemplate readOnly(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template;
    }

    /** The words of a company's own rows ({@link NameWords}), for {@link #leg}. */
    private static final String COMPANY_WORDS = "w.company_id = :company";

    /** The sort columns copied beside each word ({@link NameWords}). */
    private static final java.util.Set<String> WORD_SORT_KEYS = java.util.Set.of("user_id_sort", "last_name_sort");

    /** The columns {@code q} is a prefix of. */
    private static final List<String> SEARCHED = List.of("user_id_sort", "first_name_sort", "last_name_sort", "email_sort");

    /**
     * The index of a walk's rows in the order of each sort and searched column, after the walk's
     * prefix (V1, V8 for a company, V90 for the companies a partner opened).
     */
    private static final Map<String, String> INDEX_BY_COLUMN = Map.of("user_id_sort", "_user_id",
            "first_name_sort", "_first_name", "last_name_sort", "_last_name", "email_sort", "_email", "status",
            "_by_status");

    /**
     * The range a leg walks: one company's rows, or the rows of the companies a partner opened;
     * null for a leg that reads its rows by id or from a list of companies.
     */
    private record Walk(String fixedColumn, String indexPrefix) {

        static final Walk COMPANY = new Walk("home_company_id", "ix_accounts_company");
        static final Walk PARTNER = new Walk("company_partner_id", "ix_accounts_company_partner");
    }

    /**
     * One leg of the table. A search first finds the page's ids: the prefix is a range of each
     * searched column's index (V8), read for the ids and the sort key only, so its cost follows the
     * number of matches rather than the size of the company, whatever the prefix; then it reads the
     * page's rows. A range with bound parameters plans the same for every prefix, where a LIKE
     * parameter would leave PostgreSQL's cached plan to walk the whole company.
     *
     * <p>Each range keeps only its own first page before the ranges are merged: the range of the
     * sorted column is read in index order and stops after one page; the others are read whole
     * and keep a page in a bounded top-N sort, and the merge removes duplicates from at most four
     * pages instead of hashing every match (a two-letter prefix of a common first name matches
     * thousands of rows in each of the userId, first name and email ranges, all of which the merge
     * used to hash). {@code OFFSET 0} keeps those ranges on their own index: given
     * the order and the limit, PostgreSQL walked the sorted column's index instead, testing each
     * row, which is slow when the matches sit late in that order (most of the company read).
     */
    private String leg(String where, UsersQuery query, Walk walk, String wordsScope) {
        String column = query.sort().column;
        String keyset = query.page().cursor() == null ? ""
                : " AND (" + column + ", id) " + (query.descending() ? "<" : ">") + " (:afterKey, :afterId)";
        String pageOrder = " ORDER BY " + (walk != null ? fixedFirst(query, walk) : "") + order(column, query)
                + fetchFirst(query);
        if (query.q() == null) {
            return "SELECT " + UserRows.COLUMNS + ", " + column + " AS sort_key FROM "
                    + accounts(walkIndex(query), query, walk) + " WHERE " + where + keyset + pageOrder;
        }
        Prefix prefix = Prefix.of(query.q());
        String hits = SEARCHED.stream().map(searched -> {
            String range = "SELECT id, " + column + " AS hit_key FROM "
                    + accounts(INDEX_BY_COLUMN.get(searched), query, walk) + " WHERE " + where + keyset + " AND "
                    + prefix.condition(searched);
            return searched.equals(column) ? "(" + range + pageOrder + ")"
                    : "(SELECT id, hit_key FROM (" + range + " OFFSET 0 ROWS) matched ORDER BY " + order("hit_key", query)
                            + fetchFirst(query) + ")";
        }).collect(java.util.stream.Collectors.joining(" UNION "));
        // The later words of the names: a range of the words' index. Sorted by userId or last name
        // and with no other filter, the index holds all it needs (the sort keys are copied there);
        // otherwise the range is joined to its accounts.
        String words;
        if (query.status() == null && query.role() == null && WORD_SORT_KEYS.contains(column)) {
            String wordKeyset = query.page().cursor() == null ? "" : " AND (w." + column + ", w.account_id) "
                    + (query.descending() ? "<" : ">") + " (:afterKey, :afterId)";
            words = "SELECT w.account_id AS id, w." + column + " AS hit_key FROM account_name_words w WHERE " + wordsScope
                    + " AND " + prefix.condition("w.word") + wordKeyset;
        } else {
            // the words' copies share the accounts' column names: the accounts' are named in full
            String joinedKeyset = query.page().cursor() == null ? "" : " AND (accounts." + column + ", accounts.id) "
                    + (query.descending() ? "<" : ">") + " (:afterKey, :afterId)";
            words = "SELECT accounts.id, accounts." + column + " AS hit_key FROM account_name_words w JOIN accounts"
                    + " ON accounts.id = w.account_id WHERE " + wordsScope + " AND " + prefix.condition("w.word") + " AND "
                    + where + joinedKeyset;
        }
        hits += " UNION (SELECT id, hit_key FROM (" + words + " OFFSET 0 ROWS) matched ORDER BY " + order("hit_key", query)
                + fetchFirst(query) + ")";
        return "SELECT " + UserRows.COLUMNS + ", " + column + " AS sort_key FROM accounts WHERE id IN (SELECT id FROM ("
                + hits + ") hits ORDER BY " + order("hit_key", query) + fetchFirst(query) + ") ORDER BY "
                + order(column, query);
    }

    /**
     * The accounts table, on H2 with the index a walking leg (one company, or the companies a
     * partner opened) should read. Several indexes
     * start with the company and H2 costs them alike, order or not: it read a first page sorted by
     * last name through the company's foreign-key index and sorted every row of the company for
     * each page. A role filter is left to H2, which may better start from the role's holders.
     * PostgreSQL chooses from its statistics and gets no hint.
     */
    private String accounts(String index, UsersQuery query, Walk walk) {
        return namesIndexes && walk != null && query.role() == null
                ? "accounts USE INDEX (" + walk.indexPrefix() + index + ")" : "accounts";
    }

    /** With a status filter the userId order is a range of the (company, status, userId) index. */
    private static String walkIndex(UsersQuery query) {
        return byStatusThenUserId(query) ? "_status" : INDEX_BY_COLUMN.get(query.sort().column);
    }

    private static boolean byStatusThenUserId(UsersQuery query) {
        return query.status() != null && query.sort() == UsersQuery.Sort.userId;
    }

    /**
     * The outside accounts: few, read through their links, so a search simply tests each of them
     * (one plain condition keeps the statement small to plan).
     */
    private String externalLeg(String where, UsersQuery query) {
        if (query.q() == null) {
            return leg(where, query, null, null);
        }
        Prefix prefix = Prefix.of(query.q());
        String anyColumn = SEARCHED.stream().map(searched -> "(" + prefix.condition(searched) + ")")
                .collect(java.util.stream.Collectors.joining(" OR "))
                + " OR EXISTS (SELECT 1 FROM account_name_words w WHERE w.account_id = accounts.id AND "
                + prefix.condition("w.word") + ")";
        return leg(where + " AND (" + anyColumn + ")", query.withoutSearch(), null, null);
    }

    /**
     * A prefix, folded as the sort columns are ({@link SearchKey}), as a range of those columns: {@code [prefix, next)} where {@code next}
     * is the prefix with its last character incremented, which holds exactly the strings that start
     * with it in code point order (PostgreSQL's "C" collation) and in Java's order (H2). Past
     * U+D7FF the two orders differ, so a prefix ending there keeps only the range's lower bound of
     * its plain start and tests the rest with LIKE.
     */
    record Prefix(String from, String to, String like) {

        static Prefix of(String q) {
            String prefix = SearchKey.of(q);
            char last = prefix.charAt(prefix.length() - 1);
            if (last < Character.MIN_SURROGATE - 1) {
                return new Prefix(prefix, prefix.substring(0, prefix.length() - 1) + (char) (last + 1), null);
            }
            int plain = prefix.length();
            while (plain > 0 && prefix.charAt(plain - 1) >= Character.MIN_SURROGATE - 1) {
                plain--;
            }
            return new Prefix(prefix.substring(0, plain), null, escapeLike(prefix) + "%");
        }

        String condition(String column) {
            return to != null ? column + " >= :qFrom AND " + column + " < :qTo"
                    : column + " >= :qFrom AND " + column + " LIKE :qLike ESCAPE '\\'";
        }
    }

    /**
     * The page size is written into the SQL (it is a validated int): H2 caches the plan of a
     * parameterised FETCH FIRST inside a UNION and would reuse the first limit it saw.
     */
    private static String fetchFirst(UsersQuery query) {
        return " FETCH FIRST " + (query.page().limit() + 1) + " ROWS ONLY";
    }

    private static String filters(UsersQuery query) {
        StringBuilder sql = new StringBuilder();
        if (query.status() != null) {
            sql.append(" AND status = :status");
        }
        if (query.role() != null) {
            sql.append(" AND id IN (SELECT rf.account_id FROM company_links rf WHERE rf.company_id = :roleCompany"
                    + " AND rf.kind = 'ROLE' AND rf.ref_id = :role)");
        }
        return sql.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UsersQuery query) {
        if (query.status() != null) {
            spec = spec.param("status", query.status().name());
        }
        if (query.q() != null) {
            Prefix prefix = Prefix.of(query.q());
            spec = spec.param("qFrom", prefix.from());
            spec = prefix.to() != null ? spec.param("qTo", prefix.to()) : spec.param("qLike", prefix.like());
        }
        if (query.role() != null) {
            spec = spec.param("role", query.role().roleId()).param("roleCompany", query.role().companyId().value());
        }
        Cursor after = query.page().cursor() == null ? null : query.page().cursor().requireSort(query.cursorSort());
        if (after != null) {
            spec = spec.param("afterKey", after.key()).param("afterId", after.id());
        }
        return spec;
    }

    /**
     * The columns the WHERE fixes, in front of a walking leg's order: they change nothing
     * (the leg holds one company or one partner's, and one status when filtered) but let H2 see that the index,
     * which starts with them, gives the order. Without them H2 read every row of the company past
     * the cursor and sorted them, so a page cost more the larger the company; PostgreSQL drops such columns
     * from the order by itself.
     */
    private static String fixedFirst(UsersQuery query, Walk walk) {
        String direction = query.descending() ? " DESC, " : " ASC, ";
        return walk.fixedColumn() + direction + (byStatusThenUserId(query) ? "status" + direction : "");
    }

    private static String order(String column, UsersQuery query) {
        String direction = query.descending() ? " DESC" : " ASC";
        return column + direction + ", id" + direction;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Keyed(UserRow row, String sortKey) {
    }
}
