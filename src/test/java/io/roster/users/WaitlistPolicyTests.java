package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.licensing.LicensePool.Usage;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaitlistPolicyTests {

    static final WaitlistEntry WAITING = new WaitlistEntry("e1", "a1", "ada", 1, true, Instant.EPOCH);

    @Test
    void an_activation_takes_a_free_seat_when_nobody_waits() {
        assertThat(WaitlistPolicy.mustWait(new Usage(2, 3), 0, Optional.empty())).isFalse();
    }

    @Test
    void an_activation_waits_when_every_seat_is_taken() {
        assertThat(WaitlistPolicy.mustWait(new Usage(3, 3), 0, Optional.empty())).isTrue();
    }

    @Test
    void a_new_activation_joins_the_queue_behind_those_who_wait_even_with_a_free_seat() {
        assertThat(WaitlistPolicy.mustWait(new Usage(2, 3), 1, Optional.empty())).isTrue();
    }

    @Test
    void a_waiting_row_asking_again_keeps_waiting_at_its_place() {
        assertThat(WaitlistPolicy.mustWait(new Usage(2, 3), 1, Optional.of(WAITING))).isTrue();
    }
}
