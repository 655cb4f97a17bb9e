package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guard's batch answers are its one-by-one answers: a page's standing in many companies
 * ({@link Guard#accessesTo}, the console's menu and home page) equals {@link Guard#accessTo} asked
 * company by company, and the rows a page offers actions on ({@link Guard#outranking}) are exactly
 * those {@link Guard#requireOutranks} lets through, for actors of every kind (company roles, a
 * custom role, partner roles through a current, a narrowed or a revoked grant, the operator) and
 * people of every kind (administrators, managers, members, a custom role, no role, partner staff
 * holding a company role, the operator).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardBatchIntegrationTests {

    static final String PASSWORD = "guard-batch-password-1";

    @LocalServerPort
    int port;

    @Autowired
    Guard guard;

    Api operator;
    Fixtures fixtures;
    String partnerId;
    String opened;
    String billingOnly;
    String revoked;
    String direct;
    /** People by name, with their home company. */
    final Map<String, Person> people = new LinkedHashMap<>();
    String operatorAccount;

    record Person(String accountId, String userId, String homeCompanyId, String homePartnerId) {
    }

    @BeforeAll
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        operatorAccount = operator.get("/api/v1/me").json().path("account").path("id").asText();
        partnerId = fixtures.partner();
        opened = fixtures.companyOf(partnerId, 50);
        billingOnly = fixtures.companyOf(partnerId, 50);
        revoked = fixtures.companyOf(partnerId, 50);
        direct = fixtures.company(50);
        narrowTo(billingOnly, List.of("billing"));
        revoke(revoked);
        String custom = operator.post("/api/v1/companies/" + opened + "/roles", Map.of("name", Fixtures.unique("Helpdesk"),
                "permissions", List.of("users.read", "users.manage"))).text("id");
        String strongCustom = operator.post("/api/v1/companies/" + opened + "/roles", Map.of("name",
                Fixtures.unique("Workspace lead"), "permissions", List.of("users.read", "workspaces.manage"))).text("id");
        for (String company : List.of(opened, billingOnly, revoked, direct)) {
            person(company + "/admin", company, List.of("ADMINISTRATOR"));
            person(company + "/manager", company, List.of("USER_MANAGER"));
            person(company + "/auditor", company, List.of("AUDITOR"));
            person(company + "/member", company, List.of("MEMBER"));
            person(company + "/none", company, List.of());
        }
        person("custom", opened, List.of(custom));
        person("strong-custom", opened, List.of(strongCustom, "MEMBER"));
        staff("partner-admin", "PARTNER_ADMIN");
        staff("partner-manager", "PARTNER_USER_MANAGER");
        // partner staff may also hold a company role: in a company its partner reaches, and in one it does not
        grant("partner-manager", opened, "AUDITOR");
        grant("partner-manager", direct, "MEMBER");
        grant(opened + "/member", direct, "USER_MANAGER");
    }

    @Test
    void the_standing_in_many_companies_is_the_standing_in_each() {
        List<CompanyId> companies = List.of(new CompanyId(opened), new CompanyId(billingOnly), new CompanyId(revoked),
                new CompanyId(direct), new CompanyId("no-such-company"));
        List<Caller> callers = new ArrayList<>();
        people.values().forEach(person -> callers.add(caller(person, null)));
        callers.add(caller(people.get("partner-manager"), opened));
        callers.add(caller(people.get(opened + "/admin"), direct));
        callers.add(new Caller(operatorAccount, Operator.EMAIL, true, null, null, null, null));
        int compared = 0;
        for (Caller caller : callers) {
            Map<CompanyId, CompanyAccess> batch = guard.accessesTo(caller, companies);
            for (CompanyId company : companies) {
                CompanyAccess one = oneByOne(caller, company);
                assertThat(batch.get(company)).as("%s in %s", caller.userId(), company).isEqualTo(one);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(callers.size() * companies.size());
    }

    @Test
    void the_rows_offered_an_action_in_one_batch_are_exactly_those_the_one_by_one_check_lets_through() {
        List<Caller> actors = List.of(caller(people.get(opened + "/admin"), null), caller(people.get(opened + "/manager"), null),
                caller(people.get("custom"), null), caller(people.get("strong-custom"), null),
                caller(people.get("partner-admin"), null), caller(people.get("partner-manager"), null),
                caller(people.get(opened + "/member"), null),
                new Caller(operatorAccount, Operator.EMAIL, true, null, null, null, null));
        List<Guard.Subject> subjects = new ArrayList<>();
        for (Caller actor : actors) {
            for (String company : List.of(opened, billingOnly, revoked, direct)) {
                CompanyAccess access = oneByOne(actor, new CompanyId(company));
                if (access == null) {
                    continue;
                }
                people.values().forEach(person -> subjects.add(new Guard.Subject(access, person.accountId())));
                subjects.add(new Guard.Subject(access, operatorAccount));
            }
        }
        Set<Guard.Subject> batch = guard.outranking(subjects);

        int allowed = 0;
        int refused = 0;
        for (Guard.Subject subject : subjects) {
            boolean one = passes(subject);
            assertThat(batch.contains(subject)).as("%s on %s in %s", subject.actor().caller().userId(),
                    subject.accountId(), subject.actor().company()).isEqualTo(one);
            if (one) {
                allowed++;
            } else {
                refused++;
            }
        }
        // both answers occur, so the comparison tells the rules apart
        assertThat(allowed).isGreaterThan(20);
        assertThat(refused).isGreaterThan(20);
        // the examples of docs/rules.md §6: a user manager never reaches an administrator nor the operator
        CompanyAccess manager = oneByOne(actors.get(1), new CompanyId(opened));
        assertThat(batch).contains(new Guard.Subject(manager, people.get(opened + "/member").accountId()))
                .doesNotContain(new Guard.Subject(manager, people.get(opened + "/admin").accountId()),
                        new Guard.Subject(manager, people.get("partner-admin").accountId()),
                        new Guard.Subject(manager, operatorAccount));
    }

    @Test
    void an_empty_batch_reads_nothing_and_answers_nothing() {
        assertThat(guard.outranking(List.of())).isEmpty();
        assertThat(guard.accessesTo(caller(people.get("custom"), null), List.of())).isEmpty();
    }

    private CompanyAccess oneByOne(Caller caller, CompanyId company) {
        try {
            return guard.accessTo(caller, company);
        } catch (ProblemException none) {
            return null;
        }
    }

    private boolean passes(Guard.Subject subject) {
        try {
            guard.requireOutranks(subject.actor(), subject.accountId());
            return true;
        } catch (ProblemException outranked) {
            return false;
        }
    }

    private static Caller caller(Person person, String companyScope) {
        return new Caller(person.accountId(), person.userId(), false, person.homeCompanyId(), person.homePartnerId(),
                companyScope == null ? null : "token", companyScope);
    }

    private void person(String name, String company, List<String> roles) {
        Api.Response created = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", roles));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        people.put(name, new Person(created.text("id"), created.text("userId"), company, null));
    }

    private void staff(String name, String role) {
        String userId = Fixtures.unique("gb").toLowerCase();
        Api.Response created = operator.post("/api/v1/partners/" + partnerId + "/members", Map.of("userId", userId,
                "firstName", "Pat", "lastName", "Ner", "email", userId + "@partner.example", "password", PASSWORD,
                "emailVerified", true, "role", role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        people.put(name, new Person(created.text("accountId"), userId, null, partnerId));
    }

    private void grant(String name, String company, String roleId) {
        Api.Response granted = operator.post("/api/v1/companies/" + company + "/users/" + people.get(name).accountId()
                + "/roles", Map.of("roleId", roleId));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
    }

    private String grantOf(String company) {
        return operator.get("/api/v1/companies/" + company + "/partner-access").json().path("items").get(0).path("id").asText();
    }

    private void narrowTo(String company, List<String> scope) {
        Api.Response accepted = operator.post("/api/v1/companies/" + company + "/partner-access/" + grantOf(company)
                + "/accept", Map.of("scope", scope));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    private void revoke(String company) {
        Api.Response revoked = operator.post("/api/v1/companies/" + company + "/partner-access/" + grantOf(company)
                + "/revoke", null);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    }
}
