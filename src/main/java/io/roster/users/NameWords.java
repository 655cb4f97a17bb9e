package io.roster.users;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The later words of each account's names ({@link SearchKey#laterWords}), which the Users table
 * searches by prefix beside the sort columns. Written in the transaction that writes the names;
 * deleting the account deletes them (the foreign key cascades).
 */
@Repository
class NameWords {

    private static final String INSERT = "INSERT INTO account_name_words (account_id, company_id, partner_id, word,"
            + " user_id_sort, last_name_sort) VALUES (?, ?, ?, ?, ?, ?)";

    /** The words of one account, with the sort keys copied from its row as just written. */
    private static final String COPY = "INSERT INTO account_name_words (account_id, company_id, partner_id, word,"
            + " user_id_sort, last_name_sort) SELECT id, home_company_id, company_partner_id, ?, user_id_sort, last_name_sort"
            + " FROM accounts WHERE id = ?";

    private final JdbcTemplate jdbc;

    NameWords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The words of one new account, with the partner of its home company (see {@link AccountRows}). */
    void insert(List<NewAccount> accounts, String companyPartner) {
        insert(accounts, id -> companyPartner);
    }

    /** The words of new accounts, in one batch, each with the partner of its home company. */
    void insert(List<NewAccount> accounts, Function<String, String> companyPartnerOf) {
        List<Object[]> rows = new ArrayList<>();
        for (NewAccount account : accounts) {
            for (String word : SearchKey.laterWords(account.firstName(), account.lastName())) {
                rows.add(new Object[] {account.id(), account.homeCompanyId(), companyPartnerOf.apply(account.id()), word,
                        SearchKey.of(account.userId()),
                        SearchKey.of(account.lastName())});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    /** Replaces the words of one account after its userId or names changed (its row already written). */
    void replace(String accountId, String firstName, String lastName) {
        jdbc.update("DELETE FROM account_name_words WHERE account_id = ?", accountId);
        List<Object[]> rows = SearchKey.laterWords(firstName, lastName).stream()
                .map(word -> new Object[] {word, accountId}).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(COPY, rows);
        }
    }
}
