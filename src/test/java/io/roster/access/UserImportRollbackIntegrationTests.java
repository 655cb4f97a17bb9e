package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.shared.CompanyId;
import io.roster.shared.DatabaseProduct;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.users.Accounts;
import io.roster.users.CompanyLinks;
import io.roster.users.Credentials;
import io.roster.users.ImportInterrupted;
import io.roster.users.ImportRow;
import io.roster.users.UserImport;
import io.roster.users.UserStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roles of imported rows are granted inside each batch's transaction: when a grant fails, the
 * batch leaves nothing behind (no rows, no seats taken, no roles, no audit, no mails queued) while
 * the batches committed before it stay whole. The product has no way to delete a custom role, so
 * another administrator's deletion is played here with SQL, committed between the import's check
 * of the roles and the grant of the second batch.
 */
@IntegrationTest
class UserImportRollbackIntegrationTests {

    /** Rows per batch of {@link UserImport}. */
    static final int BATCH = 1000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    UserImport userImport;

    @Autowired
    Roles roles;

    @Autowired
    Guard guard;

    @Autowired
    Accounts accounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    DatabaseProduct database;

    @Autowired
    CompanyLinks links;

    final List<String> mailDomains = new ArrayList<>();

    @Test
    void a_grant_that_fails_in_the_second_batch_leaves_nothing_of_that_batch_and_keeps_the_first() {
        Api api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        CompanyId company = new CompanyId(new Fixtures(api).company(2 * BATCH));
        String nightShift = api.post("/api/v1/companies/" + company.value() + "/roles",
                Map.of("name", "Night shift", "permissions", List.of("users.read"))).text("id");
        String tag = Fixtures.unique("rb").toLowerCase();
        String first = tag + "-first.example";
        String second = tag + "-second.example";
        mailDomains.addAll(List.of(first, second));
        List<UserImportWithRoles.Line> lines = new ArrayList<>();
        for (int i = 0; i < BATCH + 200; i++) {
            boolean inFirst = i < BATCH;
            lines.add(new UserImportWithRoles.Line(new ImportRow(i + 2, "u" + i + "-" + tag, "Ada", "Row" + i,
                    "u" + i + "@" + (inFirst ? first : second), UserStatus.ACTIVE, List.of()),
                    List.of(inFirst ? "MEMBER" : nightShift)));
        }
        RoleDeletedBeforeSecondGrant racing = new RoleDeletedBeforeSecondGrant(nightShift);
        UserImportWithRoles importer = new UserImportWithRoles(userImport, roles, racing);

        assertThatThrownBy(() -> importer.run(operatorIn(company), lines, false))
                .isInstanceOfSatisfying(ImportInterrupted.class, interrupted -> assertThat(interrupted.getMessage())
                        .contains("line " + (BATCH + 2)).contains("the " + BATCH + " rows before it were saved"));

        assertThat(racing.calls).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM custom_roles WHERE id = ?", nightShift)).isZero();
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ?", company.value())).isEqualTo(BATCH);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE email LIKE ?", "%@" + second)).isZero();
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ? AND status = 'ACTIVE'"
                + " AND email LIKE ?", company.value(), "%@" + first)).isEqualTo(BATCH);
        assertThat(api.get("/api/v1/companies/" + company.value()).json().get("licensesUsed").asInt()).isEqualTo(BATCH);
        assertThat(count("SELECT COUNT(*) FROM role_assignments WHERE company_id = ? AND role_id = 'MEMBER'",
                company.value())).isEqualTo(BATCH);
        assertThat(count("SELECT COUNT(*) FROM role_assignments WHERE company_id = ? AND role_id <> 'MEMBER'",
                company.value())).isZero();
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'ACCOUNT_SETUP' AND recipient LIKE ?",
                "%@" + first)).isEqualTo(BATCH);
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE ?", "%@" + second)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_entries WHERE company_id = ? AND action = 'user.created'",
                company.value())).isEqualTo(BATCH);
        assertThat(count("SELECT COUNT(*) FROM audit_entries WHERE company_id = ? AND after_json LIKE ?",
                company.value(), "%@" + second + "%")).isZero();
    }

    /**
     * Grants as the product does, but another administrator deletes the custom role (in a
     * transaction of their own, committed at once) just before the second batch's grant.
     */
    class RoleDeletedBeforeSecondGrant extends RoleAssignments {

        private final String roleId;
        private final TransactionTemplate otherAdministrator;
        int calls;

        RoleDeletedBeforeSecondGrant(String roleId) {
            super(jdbc, template, roles, events, database, links);
            this.roleId = roleId;
            this.otherAdministrator = new TransactionTemplate(tx.getTransactionManager());
            this.otherAdministrator.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        @Override
        public void grantAll(CompanyId company, Map<String, Set<String>> rolesByAccount, CompanyAccess granter) {
            if (++calls == 2) {
                otherAdministrator.executeWithoutResult(status ->
                        jdbc.sql("DELETE FROM custom_roles WHERE id = ?").param(roleId).update());
            }
            super.grantAll(company, rolesByAccount, granter);
        }
    }

    private CompanyAccess operatorIn(CompanyId company) {
        Credentials operator = accounts.byLogin(Operator.EMAIL).orElseThrow();
        Caller caller = new Caller(operator.accountId(), operator.userId(), true, null, null, null, null);
        return guard.requireCompany(caller, company, Permission.USERS_MANAGE);
    }

    /** Nobody is to receive the setup mails of this test: they were counted. */
    @AfterEach
    void forgetMails() {
        mailDomains.forEach(domain -> jdbc.sql("DELETE FROM mail_outbox WHERE recipient LIKE ?").param("%@" + domain).update());
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
