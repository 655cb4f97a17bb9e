package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private static final ValidationProblem TOO_SHORT =
            new ValidationProblem(ValidationCode.PASSWORD_TOO_SHORT, java.util.Map.of("min", "12"));
    private static final ValidationProblem TOO_LONG =
            new ValidationProblem(ValidationCode.PASSWORD_TOO_LONG, java.util.Map.of("max", "128"));
    private static final ValidationProblem TOO_COMMON = ValidationProblem.of(ValidationCode.PASSWORD_TOO_COMMON);

    @Test
    void eleven_characters_are_refused() {
        assertThat(PasswordPolicy.problemOf("Xk9#mQ2$vL7")).contains(TOO_SHORT);
    }

    @Test
    void twelve_characters_are_accepted() {
        assertThat(PasswordPolicy.problemOf("Xk9#mQ2$vL7!")).isEmpty();
    }

    @Test
    void one_hundred_twenty_eight_characters_are_accepted() {
        assertThat(PasswordPolicy.problemOf("Xk9#mQ2$".repeat(16))).isEmpty();
    }

    @Test
    void one_hundred_twenty_nine_characters_are_refused() {
        assertThat(PasswordPolicy.problemOf("Xk9#mQ2$".repeat(16) + "z")).contains(TOO_LONG);
    }

    @Test
    void null_is_refused() {
        assertThat(PasswordPolicy.problemOf(null)).contains(TOO_SHORT);
    }

    @Test
    void empty_is_refused() {
        assertThat(PasswordPolicy.problemOf("")).contains(TOO_SHORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwerty123456", "QWERTY123456", "Qwerty123456", "qWeRtY123456"})
    void a_bundled_common_password_is_refused_whatever_its_case(String password) {
        assertThat(PasswordPolicy.problemOf(password)).contains(TOO_COMMON);
    }

    @Test
    void a_password_that_merely_contains_a_common_one_is_accepted() {
        assertThat(PasswordPolicy.problemOf("qwerty123456-Violet-Harbour")).isEmpty();
    }

    @Test
    void the_limits_are_12_and_128() {
        assertThat(PasswordPolicy.MIN).isEqualTo(12);
        assertThat(PasswordPolicy.MAX).isEqualTo(128);
    }
}
