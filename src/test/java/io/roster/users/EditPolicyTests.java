package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.shared.CompanyId;
import io.roster.shared.FieldError;
import io.roster.shared.Problems;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EditPolicyTests {

    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant UPDATED = Instant.parse("2025-02-01T00:00:00Z");

    private static UserRow row(UserStatus status, String userId, String firstName, String lastName, String email) {
        return new UserRow("row-1", new CompanyId("company-1"), userId, firstName, lastName, email, status, false,
                ValidationResult.OK, true, "fr", true, false, true, 7, CREATED, UPDATED);
    }

    private static UserRow active() {
        return row(UserStatus.ACTIVE, "alice", "Alice", "Smith", "alice@example.com");
    }

    private static UserRow draft() {
        return row(UserStatus.DRAFT, "alice", "Alice", "Smith", "alice@example.com");
    }

    @Test
    void a_draft_keeps_whatever_is_typed_even_an_invalid_email() {
        UserRow after = EditPolicy.apply(draft(), new UserEdit("Not A Handle", "", " ", "not an email@"));

        assertThat(after.userId()).isEqualTo("Not A Handle");
        assertThat(after.firstName()).isEmpty();
        assertThat(after.lastName()).isEmpty();
        assertThat(after.email()).isEqualTo("not an email@");
    }

    @Test
    void a_draft_may_change_its_user_id() {
        assertThat(EditPolicy.apply(draft(), new UserEdit("bob", null, null, null)).userId()).isEqualTo("bob");
    }

    @ParameterizedTest
    @EnumSource(value = UserStatus.class, names = {"ACTIVE", "INACTIVE"})
    void the_user_id_of_an_existing_account_cannot_change(UserStatus status) {
        UserRow row = row(status, "alice", "Alice", "Smith", "alice@example.com");

        assertThatThrownBy(() -> EditPolicy.apply(row, new UserEdit("bob", null, null, null)))
                .isInstanceOfSatisfying(Problems.Unprocessable.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.errors()).containsExactly(
                            new FieldError("userId", "is immutable once the account exists", "USER_ID_IMMUTABLE", java.util.List.of()));
                });
    }

    @Test
    void a_case_change_of_the_user_id_is_a_change() {
        assertThatThrownBy(() -> EditPolicy.apply(active(), new UserEdit("Alice", null, null, null)))
                .isInstanceOf(Problems.Unprocessable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", " alice ", "alice\t"})
    void resending_the_same_user_id_is_fine(String sameUserId) {
        UserRow after = EditPolicy.apply(active(), new UserEdit(sameUserId, "Alicia", null, null));

        assertThat(after.userId()).isEqualTo("alice");
        assertThat(after.firstName()).isEqualTo("Alicia");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void a_blank_first_name_on_an_existing_account_is_invalid_input(String blank) {
        assertThatThrownBy(() -> EditPolicy.apply(active(), new UserEdit(null, blank, null, null)))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.errors()).containsExactly(new FieldError("firstName", "is required", "FIRST_NAME_MISSING", java.util.List.of()));
                });
    }

    @Test
    void a_blank_last_name_on_an_existing_account_is_invalid_input() {
        assertThatThrownBy(() -> EditPolicy.apply(active(), new UserEdit(null, null, " ", null)))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem ->
                        assertThat(problem.errors()).containsExactly(new FieldError("lastName", "is required", "LAST_NAME_MISSING", java.util.List.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "alice@@example.com", "alice@localhost"})
    void an_invalid_email_on_an_existing_account_is_invalid_input(String email) {
        assertThatThrownBy(() -> EditPolicy.apply(active(), new UserEdit(null, null, null, email)))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem ->
                        assertThat(problem.errors())
                                .containsExactly(new FieldError("email", "is not a valid email address", "EMAIL_INVALID", java.util.List.of())));
    }

    @Test
    void an_inactive_account_is_checked_like_an_active_one() {
        UserRow inactive = row(UserStatus.INACTIVE, "alice", "Alice", "Smith", "alice@example.com");

        assertThatThrownBy(() -> EditPolicy.apply(inactive, new UserEdit(null, "", null, null)))
                .isInstanceOf(Problems.InvalidInput.class);
    }

    @Test
    void every_invalid_field_of_an_existing_account_is_reported_at_once() {
        assertThatThrownBy(() -> EditPolicy.apply(active(), new UserEdit(null, "", "", "nope")))
                .isInstanceOfSatisfying(Problems.InvalidInput.class, problem ->
                        assertThat(problem.errors()).containsExactly(
                                new FieldError("firstName", "is required", "FIRST_NAME_MISSING", java.util.List.of()),
                                new FieldError("lastName", "is required", "LAST_NAME_MISSING", java.util.List.of()),
                                new FieldError("email", "is not a valid email address", "EMAIL_INVALID", java.util.List.of())));
    }

    @Test
    void null_fields_keep_the_current_values() {
        UserRow before = active();

        UserRow after = EditPolicy.apply(before, new UserEdit(null, null, null, null));

        assertThat(after).isEqualTo(before);
    }

    @Test
    void values_are_trimmed() {
        UserRow after = EditPolicy.apply(active(),
                new UserEdit(null, "  Alicia ", "\tDupont\n", " alicia.dupont@example.com "));

        assertThat(after.firstName()).isEqualTo("Alicia");
        assertThat(after.lastName()).isEqualTo("Dupont");
        assertThat(after.email()).isEqualTo("alicia.dupont@example.com");
    }

    @Test
    void a_draft_s_values_are_trimmed_too() {
        UserRow after = EditPolicy.apply(draft(), new UserEdit(" bob ", " Bob ", null, null));

        assertThat(after.userId()).isEqualTo("bob");
        assertThat(after.firstName()).isEqualTo("Bob");
    }

    @Test
    void only_the_editable_fields_change() {
        UserRow before = active();

        UserRow after = EditPolicy.apply(before, new UserEdit("alice", "Alicia", "Dupont", "alicia@example.com"));

        assertThat(after).usingRecursiveComparison()
                .ignoringFields("firstName", "lastName", "email")
                .isEqualTo(before);
        assertThat(after.firstName()).isEqualTo("Alicia");
        assertThat(after.lastName()).isEqualTo("Dupont");
        assertThat(after.email()).isEqualTo("alicia@example.com");
    }

    @Test
    void the_editable_view_of_a_row_is_its_user_id_names_and_email() {
        assertThat(EditPolicy.editableOf(active()))
                .isEqualTo(new UserEdit("alice", "Alice", "Smith", "alice@example.com"));
    }
}
