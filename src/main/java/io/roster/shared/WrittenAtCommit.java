package io.roster.shared;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows that a transaction appends and never reads back (audit entries, notifications, mails),
 * written together just before it commits: one batch per table instead of one round trip per
 * row. What the transaction undoes is dropped with it: rows added after a savepoint that is rolled
 * back are never written, and nothing is written when the transaction rolls back. A failure to
 * write fails the commit, so the rows still exist exactly when the change that caused them does.
 * Outside a transaction the rows are written at once.
 *
 * @param <T> one row
 */
public final class WrittenAtCommit<T> {

    private final Consumer<List<T>> writer;

    /** @param writer writes the rows in the order they were added, in the transaction */
    public WrittenAtCommit(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    public void add(T row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writer.accept(List.of(row));
            return;
        }
        @SuppressWarnings("unchecked")
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.rows.add(row);
    }

    /**
     * Writes the rows the current transaction added so far, now: for a statement about to read or
     * update the table they go to. Nothing to do outside a transaction or when none are waiting.
     */
    public void writeNow() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            pending.write();
        }
    }

    /** The rows of one transaction, and how many there were at each of its savepoints. */
    private final class Pending implements TransactionSynchronization {

        private final List<T> rows = new ArrayList<>();
        private final Map<Object, Integer> atSavepoint = new IdentityHashMap<>();

        @Override
        public void savepoint(Object savepoint) {
            atSavepoint.put(savepoint, rows.size());
        }

        /** A savepoint unknown here was set before the first row: every row came after it. */
        @Override
        public void savepointRollback(Object savepoint) {
            int kept = atSavepoint.getOrDefault(savepoint, 0);
            rows.subList(kept, rows.size()).clear();
        }

        /**
         * A transaction started inside this one (REQUIRES_NEW) keeps its own rows: this one's are
         * out of sight until it resumes, so they commit or roll back with it and not with the other.
         */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(WrittenAtCommit.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(WrittenAtCommit.this, this);
        }

        /** Also when the caller flushes the transaction, so that a query later in it sees the rows. */
        @Override
        public void flush() {
            write();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(WrittenAtCommit.this);
        }

        private void write() {
            if (!rows.isEmpty()) {
                List<T> batch = List.copyOf(rows);
                rows.clear();
                atSavepoint.replaceAll((savepoint, size) -> 0);
                writer.accept(batch);
            }
        }
    }
}
