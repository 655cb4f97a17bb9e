package io.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus} after real traffic: the series exist and move by what was done.
 * Counters are shared by the whole test run, so each is compared before and after.
 */
@IntegrationTest
class MetricsIntegrationTests {

    private static final String CREATE_USER = "/api/v1/companies/{companyId}/users";

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
    }

    @Test
    void a_sign_in_a_refused_sign_in_and_a_user_creation_show_in_the_scrape() {
        String company = fixtures.company(3);
        Map<String, Object> user = Fixtures.userWithPassword("ACTIVE", "a password for metrics");
        Metrics before = scrape();

        assertThat(fixtures.createUser(company, user).status()).isEqualTo(201);
        assertThat(fixtures.createUser(company, Fixtures.validUser("ACTIVE")).status()).isEqualTo(201);
        String email = user.get("email").toString();
        assertThat(Api.at(port).basic(email, "a password for metrics").post("/api/v1/tokens", null).status()).isEqualTo(201);
        assertThat(Api.at(port).basic(email, "not the password").post("/api/v1/tokens", null).status()).isEqualTo(401);
        Metrics after = scrape();

        assertThat(after.delta(before, "roster_sign_ins_total", "channel", "API", "outcome", "SUCCEEDED")).isEqualTo(1);
        assertThat(after.delta(before, "roster_sign_ins_total", "channel", "API", "outcome", "WRONG_CREDENTIALS")).isEqualTo(1);
        assertThat(after.delta(before, "http_server_requests_seconds_count", "method", "POST", "status", "201", "uri", CREATE_USER))
                .isEqualTo(2);
        assertThat(after.delta(before, "http_server_requests_seconds_count", "method", "POST", "status", "401",
                "uri", "/api/v1/tokens")).isEqualTo(1);
        assertThat(after.value("hikaricp_connections_max")).isPositive();
        assertThat(after.value("roster_mail_outbox_depth")).isNotNull();
        assertThat(after.value("roster_mail_outbox_oldest_age_seconds")).isNotNull();
        assertThat(after.value("roster_mail_outbox_dead")).isNotNull();

        // read through a cache of a few seconds: the new company shows once it was renewed
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Metrics now = scrape();
            assertThat(now.value("roster_licenses_used", "company", company)).isEqualTo(2);
            assertThat(now.value("roster_licenses_purchased", "company", company)).isEqualTo(3);
        });
        // the second user's setup mail leaves (logged: no SMTP server in this test)
        await().atMost(Duration.ofSeconds(15)).until(() ->
                scrape().delta(before, "roster_mail_deliveries_total", "outcome", "sent") >= 1);
    }

    @Test
    void the_scrape_is_refused_through_a_proxy_and_other_actuator_endpoints_stay_closed() {
        Api local = Api.at(port).withHeader("Accept", "text/plain");
        assertThat(local.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(local.withHeader("X-Forwarded-For", "203.0.113.9").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(local.withHeader("Forwarded", "for=203.0.113.9").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(local.get("/actuator/env").status()).isIn(403, 404);
        assertThat(operator.get("/actuator/metrics").status()).isIn(403, 404);
    }

    private Metrics scrape() {
        Api.Response response = Api.at(port).withHeader("Accept", "text/plain").get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return new Metrics(response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList());
    }

    /** Prometheus text format: {@code name{label="value",...} number}. */
    private record Metrics(List<String> lines) {

        Double value(String name, String... labels) {
            Double sum = null;
            for (String line : lines) {
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                String metric = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
                if (!metric.equals(name) || !hasLabels(line, labels)) {
                    continue;
                }
                sum = (sum == null ? 0 : sum) + Double.parseDouble(line.substring(space + 1));
            }
            return sum;
        }

        double delta(Metrics before, String name, String... labels) {
            Double now = value(name, labels);
            Double then = before.value(name, labels);
            return (now == null ? 0 : now) - (then == null ? 0 : then);
        }

        private static boolean hasLabels(String line, String... labels) {
            for (int i = 0; i < labels.length; i += 2) {
                if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                    return false;
                }
            }
            return true;
        }
    }
}
