package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.shared.FieldError;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsersQueryTests {

    private static final PageRequest FIRST = PageRequest.first(50);

    @Test
    void without_parameters_the_table_is_sorted_by_user_id_ascending_and_unfiltered() {
        UsersQuery query = UsersQuery.of(null, null, null, null, FIRST);

        assertThat(query.sort()).isEqualTo(UsersQuery.Sort.userId);
        assertThat(query.descending()).isFalse();
        assertThat(query.status()).isNull();
        assertThat(query.external()).isNull();
        assertThat(query.q()).isNull();
        assertThat(query.page()).isSameAs(FIRST);
        assertThat(query.cursorSort()).isEqualTo("userId");
    }

    @Test
    void blank_parameters_mean_the_defaults() {
        UsersQuery query = UsersQuery.of(" ", null, "  ", "", FIRST);

        assertThat(query.sort()).isEqualTo(UsersQuery.Sort.userId);
        assertThat(query.descending()).isFalse();
        assertThat(query.status()).isNull();
        assertThat(query.q()).isNull();
    }

    @Test
    void a_minus_in_front_sorts_descending() {
        UsersQuery query = UsersQuery.of(null, null, null, "-lastName", FIRST);

        assertThat(query.sort()).isEqualTo(UsersQuery.Sort.lastName);
        assertThat(query.descending()).isTrue();
        assertThat(query.cursorSort()).isEqualTo("-lastName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"userId", "lastName", "email", "status"})
    void every_documented_sort_is_accepted(String sort) {
        UsersQuery query = UsersQuery.of(null, null, null, sort, FIRST);

        assertThat(query.sort().name()).isEqualTo(sort);
        assertThat(query.descending()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"firstName", "lastname", "LASTNAME", "-", "--userId", "+userId", "id"})
    void an_unknown_sort_is_invalid_input_on_the_sort_field(String sort) {
        assertThatThrownBy(() -> UsersQuery.of(null, null, null, sort, FIRST))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem ->
                        assertThat(problem.errors()).containsExactly(new FieldError("sort",
                                "must be userId, lastName, email or status, with '-' in front for descending order")));
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE,ACTIVE", "active,ACTIVE", "' Inactive ',INACTIVE", "draft,DRAFT"})
    void a_status_is_read_whatever_its_case(String status, UserStatus expected) {
        assertThat(UsersQuery.of(status, null, null, null, FIRST).status()).isEqualTo(expected);
    }

    @Test
    void a_bad_status_is_invalid_input_on_the_status_field() {
        assertThatThrownBy(() -> UsersQuery.of("DELETED", null, null, null, FIRST))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem -> {
                    assertThat(problem.detail()).isEqualTo("status: must be DRAFT, ACTIVE or INACTIVE");
                    assertThat(problem.errors()).containsExactly(
                            new FieldError("status", "must be DRAFT, ACTIVE or INACTIVE"));
                });
    }

    @Test
    void a_search_of_100_characters_is_accepted() {
        String q = "a".repeat(100);

        assertThat(UsersQuery.of(null, null, q, null, FIRST).q()).isEqualTo(q);
    }

    @Test
    void a_search_over_100_characters_is_invalid_input_on_the_q_field() {
        assertThatThrownBy(() -> UsersQuery.of(null, null, "a".repeat(101), null, FIRST))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem ->
                        assertThat(problem.errors()).containsExactly(
                                new FieldError("q", "must be at most 100 characters")));
    }

    @Test
    void the_search_is_trimmed() {
        assertThat(UsersQuery.of(null, null, "  ali ", null, FIRST).q()).isEqualTo("ali");
    }

    @Test
    void the_external_filter_is_kept() {
        assertThat(UsersQuery.of(null, true, null, null, FIRST).external()).isTrue();
        assertThat(UsersQuery.of(null, false, null, null, FIRST).external()).isFalse();
    }

    @Test
    void several_bad_parameters_are_all_reported_at_once() {
        assertThatThrownBy(() -> UsersQuery.of("nope", null, "x".repeat(101), "nope", FIRST))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem -> {
                    assertThat(problem.detail()).isEqualTo("The request has 3 invalid fields");
                    assertThat(problem.errors()).extracting(FieldError::field).containsExactly("q", "status", "sort");
                });
    }
}
