package io.roster.users;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecyclePolicyTests {

    private static UserRow row(UserStatus status, String userId) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return new UserRow("row-42", new CompanyId("company-1"), userId, "Alice", "Smith", "alice@example.com",
                status, false, ValidationResult.OK, false, "en", true, true, false, 1, now, now);
    }

    @Test
    void an_active_user_cannot_be_deleted_and_is_told_to_deactivate_first() {
        assertThatThrownBy(() -> LifecyclePolicy.requireDeletable(row(UserStatus.ACTIVE, "alice")))
                .isInstanceOfSatisfying(Problems.Conflict.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.type()).isEqualTo("user-active");
                    assertThat(problem.detail())
                            .isEqualTo("User 'alice' is active: deactivate it first, then delete it");
                });
    }

    @ParameterizedTest
    @EnumSource(value = UserStatus.class, names = {"DRAFT", "INACTIVE"})
    void drafts_and_inactive_users_can_be_deleted(UserStatus status) {
        assertThatCode(() -> LifecyclePolicy.requireDeletable(row(status, "alice"))).doesNotThrowAnyException();
    }

    @Test
    void a_draft_cannot_be_deactivated() {
        assertThatThrownBy(() -> LifecyclePolicy.requireDeactivatable(row(UserStatus.DRAFT, "alice")))
                .isInstanceOfSatisfying(Problems.Conflict.class, problem -> {
                    assertThat(problem.status()).isEqualTo(409);
                    assertThat(problem.type()).isEqualTo("user-draft");
                    assertThat(problem.detail()).isEqualTo(
                            "User 'alice' is a draft: it has no account to deactivate; delete it or activate it");
                });
    }

    @Test
    void a_draft_without_user_id_is_named_by_its_row_id() {
        assertThatThrownBy(() -> LifecyclePolicy.requireDeactivatable(row(UserStatus.DRAFT, " ")))
                .hasMessageStartingWith("User row-42 is a draft");
    }

    @Test
    void an_active_user_can_be_deactivated() {
        assertThatCode(() -> LifecyclePolicy.requireDeactivatable(row(UserStatus.ACTIVE, "alice")))
                .doesNotThrowAnyException();
    }
}
