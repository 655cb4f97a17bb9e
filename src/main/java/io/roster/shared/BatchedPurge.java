package io.roster.shared;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the rows a module no longer keeps, in bounded batches, each in its own short transaction:
 * a huge backlog never holds locks for long, and every node may purge at the same time. A batch
 * picks candidate keys without locking, then locks those still matching with {@code SKIP LOCKED}
 * (rows another node is deleting are left to it) and deletes them. The caller names its own table:
 * each module purges only what it owns.
 */
@Component
public class BatchedPurge {

    static final int BATCH = 1000;
    /** One run stops after this many batches; the next scheduled run goes on where it stopped. */
    static final int MAX_BATCHES = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    BatchedPurge(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Deletes the rows of {@code table} matching {@code condition} (named parameters from
     * {@code params}), identified by the unique column {@code key}; answers how many went.
     */
    public int delete(String table, String key, String condition, Map<String, ?> params) {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int[] outcome = tx.execute(status -> oneBatch(table, key, condition, params));
            deleted += outcome[1];
            if (outcome[0] < BATCH || outcome[1] == 0) {
                return deleted;
            }
        }
        return deleted;
    }

    /** Candidates found and rows deleted. */
    private int[] oneBatch(String table, String key, String condition, Map<String, ?> params) {
        List<Object> candidates = jdbc.sql("SELECT " + key + " FROM " + table + " WHERE " + condition
                        + " FETCH FIRST " + BATCH + " ROWS ONLY")
                .params(params).query((rs, n) -> rs.getObject(1)).list();
        if (candidates.isEmpty()) {
            return new int[] {0, 0};
        }
        List<Object> locked = jdbc.sql("SELECT " + key + " FROM " + table + " WHERE " + key + " IN (:purgeKeys) AND ("
                        + condition + ") FOR UPDATE SKIP LOCKED")
                .params(params).param("purgeKeys", candidates).query((rs, n) -> rs.getObject(1)).list();
        if (locked.isEmpty()) {
            return new int[] {candidates.size(), 0};
        }
        int deleted = jdbc.sql("DELETE FROM " + table + " WHERE " + key + " IN (:purgeKeys)")
                .param("purgeKeys", locked).update();
        return new int[] {candidates.size(), deleted};
    }
}
