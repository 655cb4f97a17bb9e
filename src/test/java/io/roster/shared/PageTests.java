package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTests {

    private record Item(String name, String id) {
    }

    private static final Function<Item, Cursor> CURSOR_OF = item -> new Cursor("name", item.name(), item.id());

    private static final Item ANNA = new Item("anna", "1");
    private static final Item BOB = new Item("bob", "2");
    private static final Item CARL = new Item("carl", "3");

    @Test
    void one_row_more_than_the_limit_gives_the_cursor_of_the_last_kept_row() {
        Page<Item> page = Page.fromLookahead(List.of(ANNA, BOB, CARL), 2, CURSOR_OF);

        assertThat(page.items()).containsExactly(ANNA, BOB);
        assertThat(page.nextCursor()).isEqualTo(new Cursor("name", "bob", "2").encode());
        assertThat(Cursor.decode(page.nextCursor())).isEqualTo(new Cursor("name", "bob", "2"));
    }

    @Test
    void exactly_limit_rows_is_the_last_page() {
        Page<Item> page = Page.fromLookahead(List.of(ANNA, BOB), 2, CURSOR_OF);

        assertThat(page.items()).containsExactly(ANNA, BOB);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void fewer_rows_than_the_limit_is_the_last_page() {
        Page<Item> page = Page.fromLookahead(List.of(ANNA), 2, CURSOR_OF);

        assertThat(page.items()).containsExactly(ANNA);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void no_rows_is_an_empty_last_page() {
        Page<Item> page = Page.fromLookahead(List.<Item>of(), 50, CURSOR_OF);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void a_limit_of_one_keeps_the_first_row_and_points_after_it() {
        Page<Item> page = Page.fromLookahead(List.of(ANNA, BOB), 1, CURSOR_OF);

        assertThat(page.items()).containsExactly(ANNA);
        assertThat(Cursor.decode(page.nextCursor())).isEqualTo(new Cursor("name", "anna", "1"));
    }

    @Test
    void the_kept_rows_do_not_change_when_the_fetched_list_does() {
        List<Item> fetched = new ArrayList<>(List.of(ANNA, BOB, CARL));

        Page<Item> page = Page.fromLookahead(fetched, 2, CURSOR_OF);
        fetched.clear();

        assertThat(page.items()).containsExactly(ANNA, BOB);
    }

    @Test
    void mapping_a_page_keeps_its_cursor() {
        Page<Item> page = Page.fromLookahead(List.of(ANNA, BOB, CARL), 2, CURSOR_OF);

        Page<String> names = page.map(Item::name);

        assertThat(names.items()).containsExactly("anna", "bob");
        assertThat(names.nextCursor()).isEqualTo(page.nextCursor());
    }
}
