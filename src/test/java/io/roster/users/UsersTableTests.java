package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsersTableTests {

    @Test
    void a_search_prefix_is_the_range_from_itself_to_its_last_character_plus_one() {
        var prefix = UsersTable.Prefix.of("Dup");
        assertThat(prefix.from()).isEqualTo("dup");
        assertThat(prefix.to()).isEqualTo("duq");
        assertThat(prefix.like()).isNull();
        assertThat(prefix.condition("email_sort")).isEqualTo("email_sort >= :qFrom AND email_sort < :qTo");
    }

    @Test
    void wildcards_and_quotes_in_a_prefix_are_plain_characters_of_the_range() {
        assertThat(UsersTable.Prefix.of("o'b%_").to()).isEqualTo("o'b%`");
    }

    @Test
    void a_prefix_ending_past_the_basic_plane_letters_is_tested_with_like_beyond_its_plain_start() {
        var prefix = UsersTable.Prefix.of("ab\uD83D\uDE00");
        assertThat(prefix.from()).isEqualTo("ab");
        assertThat(prefix.to()).isNull();
        assertThat(prefix.like()).isEqualTo("ab\uD83D\uDE00%");
        assertThat(prefix.condition("user_id_sort")).isEqualTo("user_id_sort >= :qFrom AND user_id_sort LIKE :qLike ESCAPE '\\'");
    }
}
