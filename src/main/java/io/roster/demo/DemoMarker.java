package io.roster.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The single row saying that the demo data was made here. Its primary key is what lets only one
 * of several nodes starting together fill the database: the others fail to insert it.
 */
@Repository
class DemoMarker {

    private final JdbcClient jdbc;

    DemoMarker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the one caller that inserted the row; false when it was already there. */
    boolean claim() {
        try {
            jdbc.sql("INSERT INTO demo_marker (id, claimed_at) VALUES (1, ?)")
                    .param(Instant.now().atOffset(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyClaimed) {
            return false;
        }
    }

    boolean claimed() {
        return jdbc.sql("SELECT COUNT(*) FROM demo_marker").query(Long.class).single() > 0;
    }

    void markFilled() {
        jdbc.sql("UPDATE demo_marker SET filled_at = ? WHERE id = 1").param(Instant.now().atOffset(ZoneOffset.UTC)).update();
    }

    boolean filled() {
        return jdbc.sql("SELECT COUNT(*) FROM demo_marker WHERE filled_at IS NOT NULL").query(Long.class).single() > 0;
    }
}
