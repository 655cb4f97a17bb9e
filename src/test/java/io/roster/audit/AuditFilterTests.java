package io.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.shared.FieldError;
import io.roster.shared.Problems;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFilterTests {

    @Test
    void blank_parameters_filter_nothing() {
        assertThat(AuditFilter.of(null, " ", "", null)).isEqualTo(AuditFilter.NONE);
    }

    @Test
    void an_action_is_exact_unless_it_ends_with_a_dot_or_a_star() {
        assertThat(AuditFilter.of(null, "user.created", null, null).action()).isEqualTo("user.created");
        assertThat(AuditFilter.of(null, "user.created", null, null).actionPrefix()).isNull();
        assertThat(AuditFilter.of(null, "user.", null, null).actionPrefix()).isEqualTo("user.");
        assertThat(AuditFilter.of(null, "user.*", null, null).actionPrefix()).isEqualTo("user.");
        assertThat(AuditFilter.of(null, "sign_in*", null, null).actionPrefix()).isEqualTo("sign_in");
    }

    @Test
    void a_prefix_range_ends_just_after_every_action_it_covers() {
        AuditFilter users = AuditFilter.of(null, "user.*", null, null);
        assertThat(users.actionPrefixEnd()).isEqualTo("user/");
        assertThat("user.sign_in_lock_cleared").isGreaterThanOrEqualTo("user.").isLessThan(users.actionPrefixEnd());
        assertThat("users").isGreaterThan(users.actionPrefixEnd());
    }

    @Test
    void times_are_rfc_3339_with_any_offset_and_a_plus_decoded_as_a_space_is_forgiven() {
        AuditFilter filter = AuditFilter.of(null, null, "2025-01-31T09:00:00+01:00", "2025-01-31 10:00:00 01:00");
        assertThat(filter.from()).isEqualTo(Instant.parse("2025-01-31T08:00:00Z"));
        assertThat(filter.to()).isEqualTo(Instant.parse("2025-01-31T09:00:00Z"));
        assertThat(AuditFilter.of(null, null, "2025-01-31t08:00:00.123456z", null).from())
                .isEqualTo(Instant.parse("2025-01-31T08:00:00.123456Z"));
    }

    @Test
    void an_actor_is_compared_in_lower_case() {
        assertThat(AuditFilter.of(" JDoe ", null, null, null).actor()).isEqualTo("jdoe");
    }

    @Test
    void every_bad_field_is_named_at_once() {
        assertThatThrownBy(() -> AuditFilter.of("a b", "user created", "yesterday", "2025-01-01"))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem -> assertThat(problem.errors())
                        .extracting(FieldError::field).containsExactly("actor", "action", "from", "to"));
        assertThatThrownBy(() -> AuditFilter.of(null, null, "2025-02-01T00:00:00Z", "2025-02-01T00:00:00Z"))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem -> assertThat(problem.errors())
                        .extracting(FieldError::field).containsExactly("to"));
        assertThatThrownBy(() -> AuditFilter.of("x".repeat(65), "a." + "b".repeat(70), null, null))
                .isInstanceOf(Problems.InvalidInput.class);
        assertThatThrownBy(() -> AuditFilter.of(null, "%", null, null)).isInstanceOf(Problems.InvalidInput.class);
        assertThatThrownBy(() -> AuditFilter.of(null, "*", null, null)).isInstanceOf(Problems.InvalidInput.class);
    }

    @Test
    void a_sane_request_id_is_kept_and_anything_else_replaced() {
        assertThat(RequestIdFilter.idOf("abc-123_X.y")).isEqualTo("abc-123_X.y");
        assertThat(RequestIdFilter.idOf("a".repeat(64))).hasSize(64);
        assertThat(RequestIdFilter.idOf("a".repeat(65))).isNotEqualTo("a".repeat(65)).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.idOf("has space")).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.idOf("")).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.idOf(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.idOf("line\r\nInjected: yes")).doesNotContain("Injected");
    }
}
