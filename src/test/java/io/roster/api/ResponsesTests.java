package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.shared.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ResponsesTests {

    @Test
    void no_if_match_header_means_proceed() {
        assertThat(Responses.expectedVersion(null)).isNull();
    }

    @Test
    void a_blank_if_match_header_means_proceed() {
        assertThat(Responses.expectedVersion("  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * "})
    void a_star_means_proceed(String star) {
        assertThat(Responses.expectedVersion(star)).isNull();
    }

    @Test
    void a_quoted_version_is_the_expected_version() {
        assertThat(Responses.expectedVersion("\"3\"")).isEqualTo(3L);
    }

    @Test
    void a_weak_etag_gives_its_version() {
        assertThat(Responses.expectedVersion("W/\"3\"")).isEqualTo(3L);
    }

    @Test
    void surrounding_spaces_are_ignored() {
        assertThat(Responses.expectedVersion("  \"42\" ")).isEqualTo(42L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "3", "\"\"", "\"", "\"abc\"", "\"3", "3\"", "W/3",
            "\"99999999999999999999\""})
    void anything_else_is_a_failed_precondition(String ifMatch) {
        assertThatThrownBy(() -> Responses.expectedVersion(ifMatch))
                .isInstanceOfSatisfying(Problems.PreconditionFailed.class, problem -> {
                    assertThat(problem.status()).isEqualTo(412);
                    assertThat(problem.type()).isEqualTo("stale-etag");
                    assertThat(problem.detail())
                            .isEqualTo("If-Match " + ifMatch + " does not match the current version: read it again");
                });
    }

    @Test
    void the_etag_of_a_version_is_the_quoted_number() {
        assertThat(Responses.etag(3)).isEqualTo("\"3\"");
    }

    @Test
    void an_etag_reads_back_as_its_version() {
        assertThat(Responses.expectedVersion(Responses.etag(17))).isEqualTo(17L);
    }

    @Test
    void ok_carries_the_etag_and_the_body() {
        ResponseEntity<String> response = Responses.ok(5, "body");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"5\"");
        assertThat(response.getBody()).isEqualTo("body");
    }

    @Test
    void created_carries_the_location_and_the_etag() {
        ResponseEntity<String> response = Responses.created("/api/v1/companies/c1/users/u1", 0, "body");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/companies/c1/users/u1");
        assertThat(response.getHeaders().getETag()).isEqualTo("\"0\"");
    }
}
