package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionMemoTests {

    private final AtomicInteger computed = new AtomicInteger();
    private final TransactionMemo<String, String> memo = new TransactionMemo<>(key -> key + computed.incrementAndGet());

    @AfterEach
    void leaveNoTransactionBehind() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outside_a_transaction_every_call_computes() {
        assertThat(memo.get("a")).isEqualTo("a1");
        assertThat(memo.get("a")).isEqualTo("a2");
    }

    @Test
    void within_a_transaction_each_question_is_answered_once_and_the_next_transaction_asks_again() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(memo.get("a")).isEqualTo("a1");
        assertThat(memo.get("a")).isEqualTo("a1");
        assertThat(memo.get("b")).isEqualTo("b2");
        complete();

        TransactionSynchronizationManager.initSynchronization();
        assertThat(memo.get("a")).isEqualTo("a3");
        complete();
    }

    @Test
    void a_transaction_started_inside_another_has_its_own_answers() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(memo.get("a")).isEqualTo("a1");
        var outer = TransactionSynchronizationManager.getSynchronizations();
        outer.forEach(TransactionSynchronization::suspend);
        TransactionSynchronizationManager.clearSynchronization();

        TransactionSynchronizationManager.initSynchronization();
        assertThat(memo.get("a")).isEqualTo("a2");
        complete();

        TransactionSynchronizationManager.initSynchronization();
        outer.forEach(TransactionSynchronization::resume);
        outer.forEach(TransactionSynchronizationManager::registerSynchronization);
        assertThat(memo.get("a")).isEqualTo("a1");
        complete();
    }

    @Test
    void a_forgotten_answer_is_computed_again_and_the_others_are_kept() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(memo.get("a")).isEqualTo("a1");
        assertThat(memo.get("b")).isEqualTo("b2");

        memo.forget("a");

        assertThat(memo.get("a")).isEqualTo("a3");
        assertThat(memo.get("b")).isEqualTo("b2");
        complete();
    }

    @Test
    void a_memo_without_a_function_computes_with_the_one_given_to_get() {
        TransactionMemo<String, String> given = new TransactionMemo<>();
        TransactionSynchronizationManager.initSynchronization();

        assertThat(given.get("a", key -> key + "!")).isEqualTo("a!");
        assertThat(given.get("a", key -> key + "?")).isEqualTo("a!");
        complete();
    }

    private static void complete() {
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        TransactionSynchronizationManager.clearSynchronization();
    }
}
