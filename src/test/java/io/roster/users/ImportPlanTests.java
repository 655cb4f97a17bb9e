package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.users.ImportPlan.Planned;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImportPlanTests {

    private static final ImportPlan.Claims NONE = keys -> Set.of();

    private static ImportRow active(int line, String userId, String email) {
        return new ImportRow(line, userId, "Ada", "Lovelace", email, UserStatus.ACTIVE, List.of());
    }

    private static ImportPlan.Claims claimed(String... keys) {
        return (Collection<String> asked) -> asked.stream().filter(Set.of(keys)::contains).collect(Collectors.toSet());
    }

    @Test
    void a_complete_row_asking_to_be_active_is_a_candidate() {
        List<Planned> plan = ImportPlan.of(List.of(active(2, "ada", "ada@example.com")), NONE, NONE);

        assertThat(plan).containsExactly(new Planned(active(2, "ada", "ada@example.com"), true, null));
    }

    @Test
    void a_user_id_or_email_used_by_an_earlier_row_of_the_file_reads_as_taken_for_the_later_ones() {
        List<Planned> plan = ImportPlan.of(List.of(active(2, "ada", "ada@example.com"), active(3, "ada", "other@example.com"),
                active(4, "ada2", "ADA@example.com"), active(5, "ada3", "ada3@example.com")), NONE, NONE);

        assertThat(plan).extracting(Planned::candidate).containsExactly(true, false, false, true);
        assertThat(plan.get(1).problems().codes()).containsExactly(ValidationCode.USER_ID_TAKEN);
        assertThat(plan.get(2).problems().codes()).containsExactly(ValidationCode.EMAIL_TAKEN);
    }

    @Test
    void a_row_refused_for_its_email_does_not_claim_its_user_id() {
        List<Planned> plan = ImportPlan.of(List.of(active(2, "ada", "taken@example.com"), active(3, "ada", "ada@example.com")),
                NONE, claimed("taken@example.com"));

        assertThat(plan).extracting(Planned::candidate).containsExactly(false, true);
    }

    @Test
    void user_ids_and_emails_claimed_by_existing_accounts_are_taken() {
        List<Planned> plan = ImportPlan.of(List.of(active(2, "bob", "bob@example.com"), active(3, "eve", "eve@example.com")),
                claimed("bob"), claimed("eve@example.com"));

        assertThat(plan).extracting(planned -> planned.problems().encode())
                .containsExactly("USER_ID_TAKEN", "EMAIL_TAKEN");
    }

    @Test
    void drafts_claim_nothing_and_report_only_the_fields_they_fill_wrongly() {
        ImportRow draft = new ImportRow(2, "ada", null, null, "not an email", UserStatus.DRAFT, List.of());
        ImportRow incomplete = new ImportRow(3, "bea", null, null, null, UserStatus.DRAFT, List.of());
        List<Planned> plan = ImportPlan.of(List.of(draft, incomplete, active(4, "ada", "ada@example.com")), NONE, NONE);

        assertThat(plan).containsExactly(new Planned(draft, false, ValidationResult.decode("EMAIL_INVALID")), new Planned(incomplete, false, null),
                new Planned(active(4, "ada", "ada@example.com"), true, null));
    }

    @Test
    void a_row_naming_an_account_of_the_company_is_left_as_it_is_in_its_place() {
        ImportRow again = active(3, "ada", "ada@example.com");
        ExistingAccount ada = new ExistingAccount("id-ada", "ada", UserStatus.ACTIVE, ExistingAccount.MatchedBy.USER_ID);
        List<Planned> plan = ImportPlan.of(List.of(active(2, "bob", "bob@example.com"), again, active(4, "eve", "eve@example.com")),
                NONE, NONE, row -> row == again ? java.util.Optional.of(ada) : java.util.Optional.empty());

        assertThat(plan).extracting(planned -> planned.row().line()).containsExactly(2, 3, 4);
        assertThat(plan).extracting(Planned::existing).containsExactly(null, ada, null);
        assertThat(plan).extracting(Planned::candidate).containsExactly(true, false, true);
    }

    @Test
    void the_callers_refusals_keep_a_row_draft_and_lead_its_validation_result() {
        ImportRow unknownRole = new ImportRow(2, "ada", "Ada", null, "ada@example.com", UserStatus.ACTIVE,
                List.of(new ValidationProblem(ValidationCode.ROLE_UNKNOWN, java.util.Map.of("role", "BOSS"))));
        ImportRow badStatus = new ImportRow(3, "bob", "Bob", "B", "bob@example.com", UserStatus.DRAFT,
                List.of(new ValidationProblem(ValidationCode.STATUS_NOT_IMPORTABLE, java.util.Map.of("status", "INACTIVE"))));

        List<Planned> plan = ImportPlan.of(List.of(unknownRole, badStatus), NONE, NONE);

        assertThat(plan.get(0).candidate()).isFalse();
        assertThat(plan.get(0).problems().encode()).isEqualTo("ROLE_UNKNOWN:role=BOSS;LAST_NAME_MISSING");
        assertThat(plan.get(1).problems().encode()).isEqualTo("STATUS_NOT_IMPORTABLE:status=INACTIVE");
    }

    @Test
    void every_problem_of_an_incomplete_row_is_listed_as_activation_lists_them() {
        ImportRow row = new ImportRow(2, "Not Valid!", null, "", "nope", UserStatus.ACTIVE, List.of());

        assertThat(ImportPlan.of(List.of(row), NONE, NONE).get(0).problems()).isEqualTo(ActivationPolicy.describe(
                List.of(ValidationProblem.of(ValidationCode.USER_ID_INVALID), ValidationProblem.of(ValidationCode.FIRST_NAME_MISSING),
                        ValidationProblem.of(ValidationCode.LAST_NAME_MISSING), ValidationProblem.of(ValidationCode.EMAIL_INVALID))));
    }
}
