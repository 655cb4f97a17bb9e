package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeyTests {

    @Test
    void a_key_is_lower_case_without_accents() {
        assertThat(SearchKey.of("  Lefèvre ")).isEqualTo("lefevre");
        assertThat(SearchKey.of("DUPRÉ")).isEqualTo("dupre");
        assertThat(SearchKey.of("Œuvray Strauß")).isEqualTo("oeuvray strauss");
        assertThat(SearchKey.of(null)).isEmpty();
    }

    @Test
    void accents_do_not_move_a_name_in_the_order() {
        assertThat(SearchKey.of("Bélanger")).isLessThan(SearchKey.of("Besançon"));
        assertThat(SearchKey.of("Émile")).isLessThan(SearchKey.of("Eric"));
    }

    @Test
    void the_later_words_of_the_names_are_those_past_the_first() {
        assertThat(SearchKey.laterWords("Marie-Claire", "de la Tour")).containsExactly("claire", "la", "tour");
        assertThat(SearchKey.laterWords("Jean", "D'Artagnan")).containsExactly("artagnan");
        assertThat(SearchKey.laterWords("'Ana", null)).containsExactly("ana");
        assertThat(SearchKey.laterWords("Paul", "Dupont")).isEmpty();
    }

    @Test
    void a_prefix_is_folded_like_the_columns() {
        assertThat(UsersTable.Prefix.of("LÈF").from()).isEqualTo("lef");
    }
}
