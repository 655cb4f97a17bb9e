package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldErrorsTests {

    @Test
    void no_errors_means_nothing_is_thrown() {
        FieldErrors errors = new FieldErrors();

        assertThat(errors.isEmpty()).isTrue();
        assertThatCode(errors::throwIfAny).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void a_missing_or_blank_required_field_is_an_error(String value) {
        FieldErrors errors = new FieldErrors().required("firstName", value);

        assertThat(errors.isEmpty()).isFalse();
        assertThatThrownBy(errors::throwIfAny)
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem ->
                        assertThat(problem.errors()).containsExactly(new FieldError("firstName", "is required")));
    }

    @Test
    void a_present_required_field_is_fine() {
        assertThat(new FieldErrors().required("firstName", "Alice").isEmpty()).isTrue();
    }

    @Test
    void a_text_at_the_maximum_length_is_fine() {
        assertThat(new FieldErrors().maxLength("q", "x".repeat(5), 5).isEmpty()).isTrue();
    }

    @Test
    void a_text_one_character_over_the_maximum_is_an_error() {
        FieldErrors errors = new FieldErrors().maxLength("q", "x".repeat(6), 5);

        assertThatThrownBy(errors::throwIfAny)
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem ->
                        assertThat(problem.errors()).containsExactly(new FieldError("q", "must be at most 5 characters")));
    }

    @Test
    void a_null_text_has_no_maximum_length_error() {
        assertThat(new FieldErrors().maxLength("q", null, 5).isEmpty()).isTrue();
    }

    @Test
    void one_error_is_named_in_the_detail() {
        FieldErrors errors = new FieldErrors().add("email", "is not a valid email address");

        assertThatThrownBy(errors::throwIfAny)
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.type()).isEqualTo("invalid-input");
                    assertThat(problem.title()).isEqualTo("Invalid input");
                    assertThat(problem.detail()).isEqualTo("email: is not a valid email address");
                });
    }

    @Test
    void several_errors_are_all_reported_in_the_order_they_were_found() {
        FieldErrors errors = new FieldErrors()
                .required("firstName", null)
                .required("lastName", "")
                .add("email", "is not a valid email address");

        assertThatThrownBy(errors::throwIfAny)
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem -> {
                    assertThat(problem.detail()).isEqualTo("The request has 3 invalid fields");
                    assertThat(problem.errors()).containsExactly(
                            new FieldError("firstName", "is required"),
                            new FieldError("lastName", "is required"),
                            new FieldError("email", "is not a valid email address"));
                });
    }

    @Test
    void errors_added_after_throwing_do_not_change_the_thrown_problem() {
        FieldErrors errors = new FieldErrors().add("a", "is wrong");
        Problems.InvalidInput thrown = null;
        try {
            errors.throwIfAny();
        } catch (Problems.InvalidInput e) {
            thrown = e;
        }
        errors.add("b", "is wrong too");

        assertThat(thrown).isNotNull();
        assertThat(thrown.errors()).containsExactly(new FieldError("a", "is wrong"));
    }

    @Test
    void invalid_input_of_one_field_names_the_field_in_detail_and_errors() {
        Problems.InvalidInput problem = Problems.InvalidInput.of("limit", "must be between 1 and 200");

        assertThat(problem.detail()).isEqualTo("limit: must be between 1 and 200");
        assertThat(problem.errors()).containsExactly(new FieldError("limit", "must be between 1 and 200"));
    }
}
