package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.shared.CompanyId;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The "of N" of the console's Users table: the rows the same filters list, counted in the database. */
@IntegrationTest
class UsersTableCountIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UsersTable table;

    @Test
    void the_count_is_the_number_of_rows_the_same_filters_list_in_a_company_and_across_a_partner() {
        Fixtures fixtures = new Fixtures(Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD));
        String partner = fixtures.partner();
        CompanyId one = new CompanyId(fixtures.companyOf(partner, 5));
        CompanyId two = new CompanyId(fixtures.companyOf(partner, 5));
        String tag = Fixtures.unique("cnt").toLowerCase();
        for (int i = 0; i < 3; i++) {
            fixtures.createUser(one.value(), Map.of("userId", tag + "a" + i, "firstName", "Marie-Hélène",
                    "lastName", "Lefèvre", "email", tag + "a" + i + "@example.com", "status", "ACTIVE"));
        }
        fixtures.createUser(one.value(), Map.of("userId", tag + "d", "firstName", "Zoé", "lastName", "Zola"));
        fixtures.createUser(two.value(), Map.of("userId", tag + "b", "firstName", "Hélène", "lastName", "Dupré"));

        assertThat(count(one, null, null)).isEqualTo(4).isEqualTo(listed(one, null, null));
        assertThat(count(one, "ACTIVE", null)).isEqualTo(3).isEqualTo(listed(one, "ACTIVE", null));
        assertThat(count(one, null, tag + "a")).isEqualTo(3);
        assertThat(count(one, null, "HELENE")).isEqualTo(3).isEqualTo(listed(one, null, "HELENE"));
        assertThat(count(one, "DRAFT", "zol")).isEqualTo(1);
        assertThat(count(one, null, "dupre")).isZero();

        PartnerId both = new PartnerId(partner);
        assertThat(table.countAcrossPartner(both, null, query(null, "helene"))).isEqualTo(4)
                .isEqualTo(table.acrossPartner(both, null, query(null, "helene")).items().size());
        assertThat(table.countAcrossPartner(both, two, query(null, null))).isEqualTo(1);
        assertThat(table.countAcrossPartner(new PartnerId(fixtures.partner()), null, query(null, null))).isZero();
    }

    private long count(CompanyId company, String status, String q) {
        return table.count(company, query(status, q));
    }

    private long listed(CompanyId company, String status, String q) {
        return table.list(company, query(status, q)).items().size();
    }

    private static UsersQuery query(String status, String q) {
        return UsersQuery.of(status, null, q, null, PageRequest.first(50));
    }
}
