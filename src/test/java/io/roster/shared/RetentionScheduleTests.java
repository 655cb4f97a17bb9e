package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionScheduleTests {

    private final List<String> purged = new ArrayList<>();

    @Test
    void every_modules_purge_runs_even_when_one_before_it_fails() {
        new RetentionSchedule(List.of(purge("mails"), failing(), purge("links"))).purgeAll();

        assertThat(purged).containsExactly("mails", "links");
    }

    private Retention purge(String rows) {
        return new Retention() {
            @Override
            public int purge(Instant now) {
                purged.add(rows);
                return 1;
            }

            @Override
            public String purgedRows() {
                return rows;
            }
        };
    }

    private static Retention failing() {
        return new Retention() {
            @Override
            public int purge(Instant now) {
                throw new IllegalStateException("database busy");
            }

            @Override
            public String purgedRows() {
                return "sign-in events";
            }
        };
    }
}
