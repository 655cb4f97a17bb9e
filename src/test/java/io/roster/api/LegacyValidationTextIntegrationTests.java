package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Results written in English before they were codes: migration V31 (its H2 or PostgreSQL form, run
 * again here on a row set back to the old words) rewrites the words it knows as codes, which then
 * read in the caller's language; words it does not know are kept and shown as they are.
 */
@IntegrationTest
class LegacyValidationTextIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void english_results_become_codes_and_unknown_words_stay() throws Exception {
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(operator).company(3);
        String known = new Fixtures(operator).createUser(company, Fixtures.validUser("DRAFT")).text("id");
        String unknown = new Fixtures(operator).createUser(company, Fixtures.validUser("DRAFT")).text("id");
        jdbc.sql("UPDATE accounts SET validation_result = ? WHERE id = ?")
                .params("First name is missing; No license available: 12 of 12 in use. Add licenses in Plan & billing.", known)
                .update();
        jdbc.sql("UPDATE accounts SET validation_result = ? WHERE id = ?").params("Words from long ago", unknown).update();

        try (Connection connection = dataSource.getConnection()) {
            String vendor = connection.getMetaData().getURL().startsWith("jdbc:postgresql") ? "postgresql" : "h2";
            ScriptUtils.executeSqlScript(connection,
                    new ClassPathResource("db/migration/" + vendor + "/V31__validation_codes.sql"));
        }

        assertThat(jdbc.sql("SELECT validation_result FROM accounts WHERE id = ?").param(known).query(String.class).single())
                .isEqualTo("FIRST_NAME_MISSING; NO_LICENSE:used=12,purchased=12");
        Api french = operator.withHeader("Accept-Language", "fr");
        var row = french.get("/api/v1/companies/" + company + "/users/" + known);
        assertThat(row.text("validationResult")).isEqualTo("Prénom manquant ; Aucune licence disponible : 12 sur 12 utilisées");
        assertThat(row.text("validationCode")).isEqualTo("FIRST_NAME_MISSING");
        var old = french.get("/api/v1/companies/" + company + "/users/" + unknown);
        assertThat(old.text("validationResult")).isEqualTo("Words from long ago");
        assertThat(old.text("validationCode")).isEqualTo("TEXT");
    }
}
