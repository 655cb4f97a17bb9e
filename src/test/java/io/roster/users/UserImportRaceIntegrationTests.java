package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A userId claimed by another account after the import read the claims (a race with another
 * administrator): the database refuses the batch, which then goes row by row, and the raced row
 * stays DRAFT saying why while the others are imported as planned.
 */
@IntegrationTest
class UserImportRaceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    RowCreation creation;

    @Autowired
    LicensePool licenses;

    @Autowired
    UserLifecycle lifecycle;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Recipients recipients;

    @Autowired
    WaitlistRows queue;

    @Autowired
    io.roster.shared.PartnerReach reach;

    @Test
    void a_batch_that_meets_a_claim_made_after_the_plan_is_imported_row_by_row_and_the_raced_row_stays_draft() {
        Fixtures fixtures = new Fixtures(Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD));
        CompanyId company = new CompanyId(fixtures.company(5));
        String raced = fixtures.createUser(fixtures.company(1), Fixtures.validUser("ACTIVE")).text("userId");
        String fresh = Fixtures.unique("fresh").toLowerCase();
        // Blind to existing claims, as if the other account had been activated just after the plan.
        AccountRows blind = new AccountRows(jdbc, template, new NameWords(template), reach) {
            @Override
            Set<String> claimedUserIds(Collection<String> keys) {
                return Set.of();
            }
        };
        UserImport importer = new UserImport(blind, creation, licenses, lifecycle, events, tx, recipients, queue);

        ImportResult result = importer.run(company, List.of(
                new ImportRow(2, raced, "Ann", "Race", fresh + "-a@example.com", UserStatus.ACTIVE, List.of()),
                new ImportRow(3, fresh, "Bob", "Fresh", fresh + "@example.com", UserStatus.ACTIVE, List.of()),
                new ImportRow(4, fresh + "-d", null, null, null, UserStatus.DRAFT, List.of())), false, saved -> { });

        assertThat(result.rows()).extracting(ImportResult.RowOutcome::line, ImportResult.RowOutcome::status,
                        ImportResult.RowOutcome::validationResult)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, UserStatus.DRAFT, ValidationResult.decode("USER_ID_TAKEN")),
                        org.assertj.core.groups.Tuple.tuple(3, UserStatus.ACTIVE, ValidationResult.OK),
                        org.assertj.core.groups.Tuple.tuple(4, UserStatus.DRAFT, null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE home_company_id = ?").param(company.value())
                .query(Long.class).single()).isEqualTo(3);
        assertThat(licenses.usage(company).used()).isEqualTo(1);
    }
}
