package io.roster.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeatRefusalTests {

    @Test
    void the_message_says_how_many_are_in_use_and_where_to_add_more() {
        assertThat(new SeatRefusal(12, 12).message())
                .isEqualTo("No license available: 12 of 12 in use. Add licenses in Plan & billing.");
    }

    @Test
    void the_message_shows_used_then_purchased() {
        assertThat(new SeatRefusal(0, 3).message())
                .isEqualTo("No license available: 0 of 3 in use. Add licenses in Plan & billing.");
    }
}
