package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class PostgreSqlBatchInsertsTests {

    @Test
    void a_postgresql_url_sends_its_batches_as_multi_row_inserts() {
        assertThat(PostgreSqlBatchInserts.withBatchedInserts("jdbc:postgresql://127.0.0.1:5432/roster"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/roster?reWriteBatchedInserts=true");
    }

    @Test
    void a_url_with_parameters_gets_one_more() {
        assertThat(PostgreSqlBatchInserts.withBatchedInserts("jdbc:postgresql://db/roster?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db/roster?sslmode=require&reWriteBatchedInserts=true");
    }

    @Test
    void a_value_set_in_the_url_is_kept() {
        assertThat(PostgreSqlBatchInserts.withBatchedInserts("jdbc:postgresql://db/roster?reWriteBatchedInserts=false"))
                .isEqualTo("jdbc:postgresql://db/roster?reWriteBatchedInserts=false");
    }

    @Test
    void an_h2_url_is_left_as_it_is() {
        assertThat(PostgreSqlBatchInserts.withBatchedInserts("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void the_pool_s_url_is_changed_before_the_pool_opens() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/roster");

            new PostgreSqlBatchInserts().postProcessBeforeInitialization(pool, "dataSource");

            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/roster?reWriteBatchedInserts=true");
        }
    }
}
