package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTests {

    @Test
    void an_encoded_cursor_decodes_to_the_same_cursor() {
        Cursor cursor = new Cursor("-lastName", "dupont", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void an_empty_sort_key_survives_the_round_trip() {
        // drafts may have no userId: their sort column holds ''
        Cursor cursor = new Cursor("userId", "", "id-1");

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(new Cursor("userId", "", "id-1"));
    }

    @Test
    void non_ascii_keys_survive_the_round_trip() {
        Cursor cursor = new Cursor("lastName", "éloïse müller 日本", "id-1");

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void the_encoded_form_is_url_safe_and_unpadded() {
        String encoded = new Cursor("email", "a?b/c+d=e@example.com", "id~~~").encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void a_key_containing_the_separator_character_survives_the_round_trip() {
        Cursor cursor = new Cursor("lastName", "du\u001fpont", "id-1");

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a cursor!", "%%%", "====", "", "YWJj" /* "abc" */})
    void garbage_is_refused_as_invalid_input_on_the_cursor_field(String garbage) {
        assertThatThrownBy(() -> Cursor.decode(garbage))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).containsExactly(new FieldError("cursor",
                            "is not a cursor returned by this list; start again without it"));
                });
    }

    @Test
    void a_well_encoded_text_with_two_parts_is_refused() {
        String twoParts = encode("userId\u001fkey");

        assertThatThrownBy(() -> Cursor.decode(twoParts)).isInstanceOf(Problems.InvalidInput.class);
    }

    @Test
    void a_cursor_without_an_id_is_refused() {
        String noId = encode("userId\u001fkey\u001f");

        assertThatThrownBy(() -> Cursor.decode(noId)).isInstanceOf(Problems.InvalidInput.class);
    }

    @Test
    void require_sort_returns_the_cursor_when_the_sort_matches() {
        Cursor cursor = new Cursor("-email", "a@example.com", "id-1");

        assertThat(cursor.requireSort("-email")).isSameAs(cursor);
    }

    @Test
    void require_sort_refuses_a_cursor_made_for_another_sort() {
        Cursor cursor = new Cursor("lastName", "dupont", "id-1");

        assertThatThrownBy(() -> cursor.requireSort("-lastName"))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem -> {
                    assertThat(problem.detail())
                            .isEqualTo("cursor: was made for sort 'lastName'; keep the same sort or start again");
                    assertThat(problem.errors()).extracting(FieldError::field).containsExactly("cursor");
                });
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
