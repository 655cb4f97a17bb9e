package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.shared.CompanyId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationPolicyTests {

    private static UserRow draft(String userId, String firstName, String lastName, String email) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return new UserRow("row-1", new CompanyId("company-1"), userId, firstName, lastName, email,
                UserStatus.DRAFT, false, null, false, "en", true, true, false, 0, now, now);
    }

    private static UserRow complete() {
        return draft("alice.smith", "Alice", "Smith", "alice@example.com");
    }

    @Test
    void the_problems_are_codes_not_words() {
        assertThat(ActivationPolicy.USER_ID_TAKEN.code()).isEqualTo(ValidationCode.USER_ID_TAKEN);
        assertThat(ActivationPolicy.EMAIL_TAKEN.code()).isEqualTo(ValidationCode.EMAIL_TAKEN);
        assertThat(ValidationResult.OK.encode()).isEqualTo("OK");
    }

    @Test
    void a_complete_row_has_no_problems() {
        assertThat(ActivationPolicy.problemsOf(complete())).isEmpty();
    }

    @Test
    void a_row_with_handles_at_both_length_boundaries_has_no_problems() {
        assertThat(ActivationPolicy.problemsOf(draft("abc", "A", "B", "a@b.co"))).isEmpty();
        assertThat(ActivationPolicy.problemsOf(draft("a".repeat(64), "A", "B", "a@b.co"))).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void a_draft_without_user_id_cannot_be_activated(String userId) {
        assertThat(ActivationPolicy.problemsOf(draft(userId, "Alice", "Smith", "alice@example.com")))
                .containsExactly(ValidationProblem.of(ValidationCode.USER_ID_MISSING));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Alice", "alice smith", "Alice@Example.com", " alice", "alice#1", "al:ice"})
    void a_draft_with_a_malformed_user_id_cannot_be_activated(String userId) {
        assertThat(ActivationPolicy.problemsOf(draft(userId, "Alice", "Smith", "alice@example.com")))
                .containsExactly(ValidationProblem.of(ValidationCode.USER_ID_INVALID));
    }

    /** A directory's userName is often an email: the userId rule takes it, in lower case. */
    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "alice+sales@example.com", "a.b_c-d@x.io", "abc"})
    void an_email_shaped_user_id_is_valid(String userId) {
        assertThat(ActivationPolicy.problemsOf(draft(userId, "Alice", "Smith", "alice@example.com"))).isEmpty();
    }

    @Test
    void a_draft_with_a_65_character_user_id_cannot_be_activated() {
        assertThat(ActivationPolicy.problemsOf(draft("a".repeat(65), "Alice", "Smith", "alice@example.com")))
                .containsExactly(ValidationProblem.of(ValidationCode.USER_ID_INVALID));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void a_draft_without_first_name_cannot_be_activated(String firstName) {
        assertThat(ActivationPolicy.problemsOf(draft("alice", firstName, "Smith", "alice@example.com")))
                .containsExactly(ValidationProblem.of(ValidationCode.FIRST_NAME_MISSING));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void a_draft_without_last_name_cannot_be_activated(String lastName) {
        assertThat(ActivationPolicy.problemsOf(draft("alice", "Alice", lastName, "alice@example.com")))
                .containsExactly(ValidationProblem.of(ValidationCode.LAST_NAME_MISSING));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void a_draft_without_email_cannot_be_activated(String email) {
        assertThat(ActivationPolicy.problemsOf(draft("alice", "Alice", "Smith", email)))
                .containsExactly(ValidationProblem.of(ValidationCode.EMAIL_MISSING));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@", "alice@@example.com", "alice@localhost", "alice @example.com"})
    void a_draft_with_a_malformed_email_cannot_be_activated(String email) {
        assertThat(ActivationPolicy.problemsOf(draft("alice", "Alice", "Smith", email)))
                .containsExactly(ValidationProblem.of(ValidationCode.EMAIL_INVALID));
    }

    @Test
    void an_empty_draft_lists_every_missing_field_in_form_order() {
        assertThat(ActivationPolicy.problemsOf(draft(null, null, null, null))).containsExactly(
                ValidationProblem.of(ValidationCode.USER_ID_MISSING),
                ValidationProblem.of(ValidationCode.FIRST_NAME_MISSING),
                ValidationProblem.of(ValidationCode.LAST_NAME_MISSING),
                ValidationProblem.of(ValidationCode.EMAIL_MISSING));
    }

    @Test
    void invalid_and_missing_fields_are_listed_together_in_form_order() {
        assertThat(ActivationPolicy.problemsOf(draft("Al", "Alice", " ", "not-an-email"))).containsExactly(
                ValidationProblem.of(ValidationCode.USER_ID_INVALID),
                ValidationProblem.of(ValidationCode.LAST_NAME_MISSING),
                ValidationProblem.of(ValidationCode.EMAIL_INVALID));
    }

    @Test
    void describe_keeps_every_problem_as_a_code_in_form_order() {
        List<ValidationProblem> problems = ActivationPolicy.problemsOf(draft(null, "", "Smith", "alice@"));

        assertThat(ActivationPolicy.describe(problems).encode())
                .isEqualTo("USER_ID_MISSING;FIRST_NAME_MISSING;EMAIL_INVALID");
    }

    @Test
    void describe_of_one_problem_is_that_problem() {
        assertThat(ActivationPolicy.describe(List.of(ActivationPolicy.USER_ID_TAKEN)).codes())
                .containsExactly(ValidationCode.USER_ID_TAKEN);
    }
}
