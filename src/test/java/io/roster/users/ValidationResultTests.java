package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form of a validation result: codes and parameters, read back as they were written. */
class ValidationResultTests {

    @Test
    void codes_and_parameters_round_trip() {
        ValidationResult result = ValidationResult.of(List.of(ValidationProblem.of(ValidationCode.FIRST_NAME_MISSING),
                ValidationProblem.noLicense(48, 48)));

        assertThat(result.encode()).isEqualTo("FIRST_NAME_MISSING;NO_LICENSE:used=48,purchased=48");
        assertThat(ValidationResult.decode(result.encode())).isEqualTo(result);
    }

    @Test
    void a_parameter_may_hold_the_characters_of_the_format() {
        ValidationResult result = ValidationResult.of(
                new ValidationProblem(ValidationCode.ROLE_UNKNOWN, Map.of("role", "a;b,c=d%e")));

        assertThat(ValidationResult.decode(result.encode())).isEqualTo(result);
    }

    @Test
    void ok_is_ok_and_null_is_no_result() {
        assertThat(ValidationResult.decode("OK").isOk()).isTrue();
        assertThat(ValidationResult.decode(null)).isNull();
        assertThat(ValidationResult.decode("EMAIL_INVALID").isOk()).isFalse();
    }

    @Test
    void unknown_codes_and_old_words_are_kept_as_text() {
        ValidationResult result = ValidationResult.decode("EMAIL_INVALID; Some old words; NOT_A_CODE");

        assertThat(result.codes()).containsExactly(ValidationCode.EMAIL_INVALID, ValidationCode.TEXT, ValidationCode.TEXT);
        assertThat(result.problems().get(1).params()).containsEntry("text", "Some old words");
    }

    @Test
    void only_a_missing_license_is_told_apart() {
        assertThat(ValidationResult.of(ValidationProblem.noLicense(1, 1)).onlyNoLicense()).isTrue();
        assertThat(ValidationResult.decode("EMAIL_INVALID;NO_LICENSE:used=1,purchased=1").onlyNoLicense()).isFalse();
    }
}
