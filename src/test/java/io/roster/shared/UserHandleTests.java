package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserHandleTests {

    @Test
    void three_characters_is_the_shortest_valid_handle() {
        assertThat(UserHandle.isValid("abc")).isTrue();
    }

    @Test
    void two_characters_is_too_short() {
        assertThat(UserHandle.isValid("ab")).isFalse();
    }

    @Test
    void sixty_four_characters_is_the_longest_valid_handle() {
        assertThat(UserHandle.isValid("a".repeat(64))).isTrue();
    }

    @Test
    void sixty_five_characters_is_too_long() {
        assertThat(UserHandle.isValid("a".repeat(65))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice.smith", "alice_smith", "alice-smith", "a.b_c-9", "007", "..."})
    void lower_case_letters_digits_dots_underscores_and_hyphens_are_accepted(String handle) {
        assertThat(UserHandle.isValid(handle)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice", "aliCe", "ALICE"})
    void upper_case_letters_are_refused(String handle) {
        assertThat(UserHandle.isValid(handle)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"al ice", " alice", "alice ", "alice\t", "alice\n"})
    void spaces_and_other_whitespace_are_refused(String handle) {
        assertThat(UserHandle.isValid(handle)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alicé", "ali/ce", "ali:ce", "alice!", "ali ce@example.com", "alice%40example.com"})
    void other_characters_are_refused(String handle) {
        assertThat(UserHandle.isValid(handle)).isFalse();
    }

    /** Directories provision people by email-shaped names: those are user IDs too. */
    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "alice+1", "a.b-c_d@sub.example.org"})
    void email_shaped_names_are_accepted(String handle) {
        assertThat(UserHandle.isValid(handle)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void null_and_empty_are_refused(String handle) {
        assertThat(UserHandle.isValid(handle)).isFalse();
    }

    @Test
    void a_valid_handle_keeps_its_value_and_prints_it() {
        UserHandle handle = new UserHandle("alice.smith");

        assertThat(handle.value()).isEqualTo("alice.smith");
        assertThat(handle).hasToString("alice.smith");
    }

    @Test
    void an_invalid_handle_cannot_be_constructed() {
        assertThatThrownBy(() -> new UserHandle("Alice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid user id");
    }
}
