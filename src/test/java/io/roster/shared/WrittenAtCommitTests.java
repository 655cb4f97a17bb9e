package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class WrittenAtCommitTests {

    private final List<List<String>> written = new ArrayList<>();
    private final WrittenAtCommit<String> rows = new WrittenAtCommit<>(written::add);

    @BeforeEach
    void aTransactionIsOpen() {
        TransactionSynchronizationManager.initSynchronization();
    }

    @AfterEach
    void theTransactionEnds() {
        TransactionSynchronizationManager.getSynchronizations()
                .forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        TransactionSynchronizationManager.clearSynchronization();
    }

    private void commit() {
        TransactionSynchronizationManager.getSynchronizations().forEach(sync -> sync.beforeCommit(false));
    }

    @Test
    void the_rows_of_a_transaction_are_written_in_one_batch_before_it_commits() {
        rows.add("a");
        rows.add("b");
        assertThat(written).isEmpty();

        commit();

        assertThat(written).containsExactly(List.of("a", "b"));
    }

    @Test
    void rows_written_now_are_not_written_again_at_commit_and_later_rows_still_are() {
        rows.add("a");
        rows.add("b");

        rows.writeNow();
        assertThat(written).containsExactly(List.of("a", "b"));
        rows.add("c");
        commit();

        assertThat(written).containsExactly(List.of("a", "b"), List.of("c"));
    }

    @Test
    void writing_now_with_nothing_waiting_writes_nothing() {
        rows.writeNow();
        commit();

        assertThat(written).isEmpty();
    }

    @Test
    void outside_a_transaction_a_row_is_written_at_once() {
        TransactionSynchronizationManager.clearSynchronization();
        try {
            rows.add("a");
            rows.writeNow();

            assertThat(written).containsExactly(List.of("a"));
        } finally {
            TransactionSynchronizationManager.initSynchronization();
        }
    }
}
