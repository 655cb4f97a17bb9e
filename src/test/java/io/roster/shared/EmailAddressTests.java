package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTests {

    private static final String DOMAIN = "@example.com"; // 12 characters

    @ParameterizedTest
    @ValueSource(strings = {
            "alice@example.com",
            "Alice.Smith@Example.COM",
            "alice+tag@example.com",
            "a@b.co",
            "alice@mail.example-corp.fr",
            "alice_smith-99@sub.domain.example.org"
    })
    void ordinary_addresses_are_valid(String email) {
        assertThat(EmailAddress.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "alice",
            "alice@",
            "@example.com",
            "alice@localhost",
            "alice@@example.com",
            "alice@bob@example.com",
            "alice example@example.com",
            " alice@example.com",
            "alice@example.com ",
            "alice@example.com\n",
            "alice@exa mple.com",
            "alice@-example.com",
            "alice@example-.com",
            "alice@example..com",
            "alice@.example.com",
            "alice@example.com.",
            "alice@exa_mple.com",
            "\"alice\"@example.com",
            "alice<bob>@example.com"
    })
    void malformed_addresses_are_invalid(String email) {
        assertThat(EmailAddress.isValid(email)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void null_empty_and_blank_are_invalid(String email) {
        assertThat(EmailAddress.isValid(email)).isFalse();
    }

    @Test
    void two_hundred_fifty_four_characters_is_the_longest_valid_address() {
        String email = "a".repeat(EmailAddress.MAX_LENGTH - DOMAIN.length()) + DOMAIN;

        assertThat(email).hasSize(254);
        assertThat(EmailAddress.isValid(email)).isTrue();
    }

    @Test
    void two_hundred_fifty_five_characters_is_too_long() {
        String email = "a".repeat(EmailAddress.MAX_LENGTH - DOMAIN.length() + 1) + DOMAIN;

        assertThat(email).hasSize(255);
        assertThat(EmailAddress.isValid(email)).isFalse();
    }

    @Test
    void a_domain_label_of_63_characters_is_valid_and_64_is_not() {
        assertThat(EmailAddress.isValid("alice@" + "d".repeat(63) + ".com")).isTrue();
        assertThat(EmailAddress.isValid("alice@" + "d".repeat(64) + ".com")).isFalse();
    }

    @Test
    void key_of_lower_cases_and_trims() {
        assertThat(EmailAddress.keyOf("  Alice.Smith@Example.COM ")).isEqualTo("alice.smith@example.com");
    }

    @Test
    void key_of_null_is_null() {
        assertThat(EmailAddress.keyOf(null)).isNull();
    }

    @Test
    void the_key_of_an_address_is_lower_cased_while_its_value_keeps_the_typed_case() {
        EmailAddress email = new EmailAddress("Alice@Example.com");

        assertThat(email.value()).isEqualTo("Alice@Example.com");
        assertThat(email.key()).isEqualTo("alice@example.com");
        assertThat(email).hasToString("Alice@Example.com");
    }

    @Test
    void addresses_differing_only_by_case_share_one_key() {
        assertThat(new EmailAddress("ALICE@EXAMPLE.COM").key()).isEqualTo(new EmailAddress("alice@example.com").key());
    }

    @Test
    void an_invalid_address_cannot_be_constructed() {
        assertThatThrownBy(() -> new EmailAddress("alice@@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid email");
    }
}
