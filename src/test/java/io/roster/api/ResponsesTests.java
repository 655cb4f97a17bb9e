package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.shared.Problems;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResponsesTests {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "*", " * "})
    void an_absent_or_star_if_match_proceeds_without_expecting_a_version(String ifMatch) {
        assertThat(Responses.expectedVersion(ifMatch, 3)).isNull();
    }

    @Test
    void the_current_etag_proceeds_and_expects_its_version() {
        assertThat(Responses.expectedVersion("\"3\"", 3)).isEqualTo(3L);
        assertThat(Responses.expectedVersion("  \"42\" ", 42)).isEqualTo(42L);
    }

    @Test
    void a_list_holding_the_current_etag_proceeds() {
        assertThat(Responses.expectedVersion("\"1\", \"3\"", 3)).isEqualTo(3L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2\"", "W/\"3\"", "3", "garbage", "\"1\", \"2\""})
    void a_stale_weak_or_foreign_etag_is_a_412(String ifMatch) {
        assertThatThrownBy(() -> Responses.expectedVersion(ifMatch, 3))
                .isInstanceOf(Problems.PreconditionFailed.class)
                .hasMessageContaining("\"3\"");
    }

    @Test
    void etags_are_the_quoted_version() {
        assertThat(Responses.etag(17)).isEqualTo("\"17\"");
    }
}
