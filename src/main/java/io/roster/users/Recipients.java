package io.roster.users;

import io.roster.shared.EmailAddress;
import io.roster.shared.TransactionMemo;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The people mails and notifications go to, whatever their home: by account, or by the address an
 * invitation or a forgotten password names.
 */
@Service
public class Recipients {

    /**
     * Each account read once per transaction: a user creation told its new person of three things
     * and mailed an invitation, reading the account for each. Every write to an account in this
     * module calls {@link #changed(String)}, so a read after it sees the write.
     */
    private static final TransactionMemo<String, Optional<Recipient>> READ = new TransactionMemo<>();

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Recipient> recipient(String accountId) {
        return READ.get(accountId, this::read);
    }

    /** The current transaction changed this account: its next read goes to the database. */
    static void changed(String accountId) {
        READ.forget(accountId);
    }

    private Optional<Recipient> read(String accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ?")
                .param(accountId)
                .query(Recipients::map)
                .optional();
    }

    /**
     * Reads these accounts for the rest of the current transaction in a few statements, for a
     * batch about to tell each of them something (an import's batch): each later
     * {@link #recipient} of one of them is then answered without a statement of its own. The rows
     * are read as they are now, so call it once the batch's writes to them are done (a later write
     * to one still calls {@link #changed}). Nothing to do outside a transaction.
     */
    void readAhead(java.util.Collection<String> accountIds) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || accountIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(accountIds);
        for (int from = 0; from < ids.size(); from += READ_AHEAD_IN_LIST) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + READ_AHEAD_IN_LIST));
            jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id IN (:ids)").param("ids", slice)
                    .query(Recipients::map).list()
                    .forEach(found -> READ.putIfAbsent(found.accountId(), Optional.of(found)));
        }
    }

    /** Ids of one statement of {@link #readAhead}. */
    private static final int READ_AHEAD_IN_LIST = 500;

    private static final String COLUMNS = "id, first_name, last_name, email, locale, home_company_id, status,"
            + " email_verified, notify_in_app, notify_email";

    private static Recipient map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), UserStatus.valueOf(rs.getString(7)), rs.getBoolean(8),
                rs.getBoolean(9), rs.getBoolean(10));
    }

    /** The platform's ACTIVE operators (e.g. for a failing platform webhook). */
    public List<Recipient> activeOperators() {
        return jdbc.sql("SELECT id FROM accounts WHERE operator = TRUE AND status = 'ACTIVE' ORDER BY id")
                .query(String.class).list().stream().flatMap(id -> recipient(id).stream()).toList();
    }

    /** The account that holds this email, if any, whatever its status. */
    public Optional<Recipient> byEmail(String email) {
        if (email == null || email.length() > 320) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM accounts WHERE email_key = ?")
                .param(EmailAddress.keyOf(email)).query(String.class).optional().flatMap(this::recipient);
    }

    /** The ACTIVE account that signs in with this email, if any (forgot-password). */
    public Optional<Recipient> activeByEmail(String email) {
        if (email == null || email.length() > 320) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM accounts WHERE email_key = ? AND status = 'ACTIVE'")
                .param(EmailAddress.keyOf(email)).query(String.class).optional().flatMap(this::recipient);
    }
}
