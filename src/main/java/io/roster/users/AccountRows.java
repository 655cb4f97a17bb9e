package io.roster.users;

import io.roster.shared.EmailAddress;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;
import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import io.roster.shared.PartnerReach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one place accounts come into being: a single INSERT for every kind of account (Users-table
 * rows typed or imported, the operator, partner staff, self-managed people), and the uniqueness
 * claims a bulk import asks for in advance. An account past DRAFT claims its userId and email (the
 * unique keys) as it is written, so the database refuses a raced duplicate whatever the path.
 */
@Repository
class AccountRows {

    /** Keys per IN list: far below every driver's parameter limit. */
    private static final int IN_LIST = 1000;

    private static final String INSERT = "INSERT INTO accounts (id, home_company_id, home_partner_id, company_partner_id, operator, user_id,"
            + " first_name, last_name, email, user_id_key, email_key, user_id_sort, first_name_sort, last_name_sort,"
            + " email_sort, status, validation_result, email_verified, password_hash, locale, notify_in_app, notify_email,"
            + " locale_chosen, version, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

    /** Declared types: with them a null needs no metadata round trip per cell. */
    private static final int[] TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR,
            Types.BOOLEAN, Types.BOOLEAN, Types.BOOLEAN, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final NameWords words;
    private final PartnerReach reach;

    AccountRows(JdbcClient jdbc, JdbcTemplate template, NameWords words, PartnerReach reach) {
        this.jdbc = jdbc;
        this.template = template;
        this.words = words;
        this.reach = reach;
    }

    /** Writes one account. */
    void insert(NewAccount account) {
        String partner = companyPartner(account);
        template.update(INSERT, values(account, partner, UserRows.utc(Instant.now())), TYPES);
        words.insert(List.of(account), partner);
    }

    /** Writes many accounts in one JDBC batch (a bulk import writes a thousand at a time). */
    void insertAll(List<NewAccount> accounts) {
        OffsetDateTime now = UserRows.utc(Instant.now());
        List<Object[]> values = new ArrayList<>(accounts.size());
        Map<String, String> partners = new HashMap<>();
        for (NewAccount account : accounts) {
            String partner = companyPartner(account);
            partners.put(account.id(), partner);
            values.add(values(account, partner, now));
        }
        template.batchUpdate(INSERT, values, TYPES);
        words.insert(accounts, partners::get);
    }

    /**
     * The partner that opened the account's home company, copied beside the account (V90): a home
     * never changes, nor does a company's opener, so the copy never goes stale.
     */
    private String companyPartner(NewAccount account) {
        if (account.homeCompanyId() == null) {
            return null;
        }
        PartnerId opener = reach.openerOf(new CompanyId(account.homeCompanyId()));
        return opener == null ? null : opener.value();
    }

    private static Object[] values(NewAccount account, String companyPartner, OffsetDateTime now) {
        boolean claims = account.claimsKeys();
        return new Object[] {account.id(), account.homeCompanyId(), account.homePartnerId(), companyPartner,
                account.operator(),
                account.userId(), account.firstName(), account.lastName(), account.email(),
                claims ? account.userId() : null, claims ? EmailAddress.keyOf(account.email()) : null,
                UserRows.sortKey(account.userId()), UserRows.sortKey(account.firstName()),
                UserRows.sortKey(account.lastName()), UserRows.sortKey(account.email()), account.status().name(),
                account.validationResult() == null ? null : account.validationResult().encode(), account.emailVerified(), account.passwordHash(), account.locale(),
                account.notifyInApp(), account.notifyEmail(), account.localeChosen(), now, now};
    }

    /**
     * The company's own accounts that these rows name, by userId (without case) or else by email,
     * read in bulk through the company's sort-column indexes.
     */
    ImportPlan.Existing existingIn(CompanyId company, List<ImportRow> rows) {
        Map<String, ExistingAccount> byUserId = new HashMap<>();
        Map<String, ExistingAccount> byEmail = new HashMap<>();
        List<String> userIdKeys = rows.stream().map(ImportRow::userId).filter(v -> v != null && !v.isBlank())
                .map(SearchKey::of).distinct().toList();
        List<String> emailKeys = rows.stream().map(ImportRow::email).filter(v -> v != null && !v.isBlank())
                .map(SearchKey::of).distinct().toList();
        for (String column : List.of("user_id_sort", "email_sort")) {
            List<String> keys = column.equals("user_id_sort") ? userIdKeys : emailKeys;
            for (int from = 0; from < keys.size(); from += IN_LIST) {
                jdbc.sql("SELECT id, user_id, email, status FROM accounts WHERE home_company_id = :company AND "
                                + column + " IN (:keys)")
                        .param("company", company.value())
                        .param("keys", keys.subList(from, Math.min(keys.size(), from + IN_LIST)))
                        .query((rs, n) -> {
                            String id = rs.getString("id");
                            UserStatus status = UserStatus.valueOf(rs.getString("status"));
                            String userId = rs.getString("user_id");
                            String email = rs.getString("email");
                            if (userId != null) {
                                byUserId.putIfAbsent(userId.trim().toLowerCase(Locale.ROOT),
                                        new ExistingAccount(id, userId, status, ExistingAccount.MatchedBy.USER_ID));
                            }
                            if (email != null) {
                                byEmail.putIfAbsent(EmailAddress.keyOf(email),
                                        new ExistingAccount(id, userId, status, ExistingAccount.MatchedBy.EMAIL));
                            }
                            return id;
                        }).list();
            }
        }
        return row -> {
            if (row.userId() != null && !row.userId().isBlank()) {
                ExistingAccount found = byUserId.get(row.userId().trim().toLowerCase(Locale.ROOT));
                if (found != null) {
                    return java.util.Optional.of(found);
                }
            }
            return java.util.Optional.ofNullable(row.email() == null ? null : byEmail.get(EmailAddress.keyOf(row.email())));
        };
    }

    Set<String> claimedUserIds(Collection<String> keys) {
        return claimed("user_id_key", keys);
    }

    Set<String> claimedEmails(Collection<String> keys) {
        return claimed("email_key", keys);
    }

    private Set<String> claimed(String column, Collection<String> keys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        Set<String> claimed = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += IN_LIST) {
            claimed.addAll(jdbc.sql("SELECT " + column + " FROM accounts WHERE " + column + " IN (:keys)")
                    .param("keys", distinct.subList(from, Math.min(distinct.size(), from + IN_LIST)))
                    .query(String.class).list());
        }
        return claimed;
    }
}
