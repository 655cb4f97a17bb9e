package io.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Users table names roles as people know them, never by their ids. */
@IntegrationTest
class UsersTableRoleNamesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void the_users_table_shows_custom_roles_by_name_and_built_in_roles_in_words() {
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(operator).company(5);
        String custom = operator.post("/api/v1/companies/" + company + "/roles",
                Map.of("name", "Support agents", "permissions", List.of("users.read"))).text("id");
        new Fixtures(operator).createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "roles", List.of(custom, "MEMBER")));
        Browser browser = new Browser(port);
        browser.signIn(Operator.EMAIL, Operator.PASSWORD);

        String html = browser.get("/companies/" + company + "/users").html();

        assertThat(html).contains(">Support agents, Member</td>").doesNotContain(">" + custom + "<");
    }
}
