package io.roster.users;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The later words of each account's names ({@link SearchKey#laterWords}), which the Users table
 * searches by prefix beside the sort columns. Written in the transaction that writes the names;
 * deleting the account deletes them (the foreign key cascades).
 */
@Repository
class NameWords {

    private static final String INSERT = "INSERT INTO account_name_words (account_id, company_id, word) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;

    NameWords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The words of new accounts, in one batch. */
    void insert(List<NewAccount> accounts) {
        List<Object[]> rows = new ArrayList<>();
        for (NewAccount account : accounts) {
            for (String word : SearchKey.laterWords(account.firstName(), account.lastName())) {
                rows.add(new Object[] {account.id(), account.homeCompanyId(), word});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    /** Replaces the words of one account after its names changed. */
    void replace(String accountId, String homeCompanyId, String firstName, String lastName) {
        jdbc.update("DELETE FROM account_name_words WHERE account_id = ?", accountId);
        List<Object[]> rows = SearchKey.laterWords(firstName, lastName).stream()
                .map(word -> new Object[] {accountId, homeCompanyId, word}).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }
}
