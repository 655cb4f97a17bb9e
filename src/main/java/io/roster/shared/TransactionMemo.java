package io.roster.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers computed once per transaction: facts that a transaction asks for again and again while
 * they cannot change under it in any way that matters (e.g. in which capacity the caller acts, read
 * for each audit entry of one change). Outside a transaction every call computes.
 *
 * @param <K> the question
 * @param <V> its answer
 */
public final class TransactionMemo<K, V> {

    private final Function<K, V> compute;

    public TransactionMemo(Function<K, V> compute) {
        this.compute = compute;
    }

    /** A memo whose answers are computed by the function given to {@link #get(Object, Function)}. */
    public TransactionMemo() {
        this(key -> {
            throw new IllegalStateException("no function to compute " + key);
        });
    }

    public V get(K key) {
        return get(key, compute);
    }

    /** As {@link #get(Object)}, computing a missing answer with {@code compute}. */
    public V get(K key, Function<K, V> compute) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return compute.apply(key);
        }
        @SuppressWarnings("unchecked")
        Answers answers = (Answers) TransactionSynchronizationManager.getResource(this);
        if (answers == null) {
            answers = new Answers();
            TransactionSynchronizationManager.bindResource(this, answers);
            TransactionSynchronizationManager.registerSynchronization(answers);
        }
        V known = answers.byKey.get(key);
        if (known == null) {
            known = compute.apply(key);
            answers.byKey.put(key, known);
        }
        return known;
    }

    /**
     * Keeps an answer computed ahead (e.g. many keys read in one statement) as if {@link #get} had
     * computed it now; an answer already kept is left as it is. Nothing to do outside a transaction.
     */
    public void putIfAbsent(K key, V value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Answers answers = (Answers) TransactionSynchronizationManager.getResource(this);
        if (answers == null) {
            answers = new Answers();
            TransactionSynchronizationManager.bindResource(this, answers);
            TransactionSynchronizationManager.registerSynchronization(answers);
        }
        answers.byKey.putIfAbsent(key, value);
    }

    /**
     * Drops the current transaction's answer for {@code key}: the transaction changed what it was
     * computed from, so the next {@link #get} computes again. Nothing to do outside a transaction.
     */
    public void forget(K key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Answers answers = (Answers) TransactionSynchronizationManager.getResource(this);
        if (answers != null) {
            answers.byKey.remove(key);
        }
    }

    /** One transaction's answers; a transaction started inside it (REQUIRES_NEW) keeps its own. */
    private final class Answers implements TransactionSynchronization {

        private final Map<K, V> byKey = new HashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(TransactionMemo.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TransactionMemo.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
        }
    }
}
