package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class H2QueryCacheTests {

    @Test
    void an_h2_url_gets_a_query_cache_for_a_request_s_statements() {
        assertThat(H2QueryCache.withQueryCache("jdbc:h2:file:./data/roster;LOCK_TIMEOUT=10000"))
                .isEqualTo("jdbc:h2:file:./data/roster;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64");
    }

    @Test
    void a_size_set_in_the_url_is_kept() {
        assertThat(H2QueryCache.withQueryCache("jdbc:h2:mem:x;query_cache_size=16")).isEqualTo("jdbc:h2:mem:x;query_cache_size=16");
    }

    @Test
    void a_postgresql_url_is_left_as_it_is() {
        assertThat(H2QueryCache.withQueryCache("jdbc:postgresql://127.0.0.1:5432/roster"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/roster");
    }

    @Test
    void the_pool_s_url_is_changed_before_the_pool_opens() {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:cache");

            new H2QueryCache().postProcessBeforeInitialization(pool, "dataSource");

            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:h2:mem:cache;QUERY_CACHE_SIZE=64");
        }
    }
}
