package io.roster.workspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LastAdminPolicyTests {

    private static final Workspace BUDGET = new Workspace("ws-1", new CompanyId("company-1"), "Budget", "acc-1", 0,
            Instant.parse("2025-01-01T00:00:00Z"));

    @ParameterizedTest
    @EnumSource(value = WorkspaceRight.class, names = {"WRITE", "READ"})
    void the_last_admin_cannot_be_downgraded(WorkspaceRight next) {
        assertThatThrownBy(() -> LastAdminPolicy.requireAnotherAdmin(BUDGET, WorkspaceRight.ADMIN, next, 1))
                .isInstanceOfSatisfying(Problems.Conflict.class, problem -> {
                    assertThat(problem.type()).isEqualTo("last-workspace-admin");
                    assertThat(problem.detail()).contains("last ADMIN of the workspace 'Budget'")
                            .contains("make another member ADMIN first");
                });
    }

    @Test
    void the_last_admin_cannot_be_removed() {
        assertThatThrownBy(() -> LastAdminPolicy.requireAnotherAdmin(BUDGET, WorkspaceRight.ADMIN, null, 1))
                .isInstanceOf(Problems.Conflict.class);
    }

    @Test
    void one_of_two_admins_can_be_downgraded_or_removed() {
        assertThatCode(() -> LastAdminPolicy.requireAnotherAdmin(BUDGET, WorkspaceRight.ADMIN, WorkspaceRight.READ, 2))
                .doesNotThrowAnyException();
        assertThatCode(() -> LastAdminPolicy.requireAnotherAdmin(BUDGET, WorkspaceRight.ADMIN, null, 2))
                .doesNotThrowAnyException();
    }

    @Test
    void the_last_admin_may_stay_admin_and_other_members_may_always_change() {
        assertThatCode(() -> LastAdminPolicy.requireAnotherAdmin(BUDGET, WorkspaceRight.ADMIN, WorkspaceRight.ADMIN, 1))
                .doesNotThrowAnyException();
        assertThatCode(() -> LastAdminPolicy.requireAnotherAdmin(BUDGET, WorkspaceRight.READ, null, 1))
                .doesNotThrowAnyException();
        assertThatCode(() -> LastAdminPolicy.requireAnotherAdmin(BUDGET, WorkspaceRight.WRITE, WorkspaceRight.ADMIN, 1))
                .doesNotThrowAnyException();
    }
}
