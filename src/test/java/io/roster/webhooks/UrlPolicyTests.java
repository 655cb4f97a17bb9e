package io.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without the setting, webhooks reach only public http(s) addresses. */
class UrlPolicyTests {

    private static UrlPolicy policy(boolean allowPrivate) {
        return new UrlPolicy(new WebhookProperties(allowPrivate, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(1), List.of(Duration.ofSeconds(5)), Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofDays(30), Duration.ofDays(3), ""));
    }

    @Test
    void private_loopback_and_link_local_addresses_are_refused_without_the_setting() {
        UrlPolicy strict = policy(false);
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/",
                "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/", "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://0.0.0.0/")) {
            assertThat(strict.refusal(url)).as(url).hasValueSatisfying(reason -> assertThat(reason).contains("private"));
        }
        assertThat(strict.refusal("https://93.184.215.14/hook")).isEmpty();
    }

    @Test
    void only_absolute_http_urls_without_credentials_are_taken() {
        UrlPolicy strict = policy(false);
        assertThat(strict.refusal("ftp://93.184.215.14/")).contains("must be an http or https URL");
        assertThat(strict.refusal("file:///etc/passwd")).contains("must be an http or https URL");
        assertThat(strict.refusal("/relative")).contains("must be an http or https URL");
        assertThat(strict.refusal("https://user:pw@93.184.215.14/")).contains("must not carry a user name or password");
        assertThat(strict.refusal("")).contains("is required");
    }

    @Test
    void the_setting_lets_tests_reach_loopback() {
        assertThat(policy(true).refusal("http://127.0.0.1:8080/hook")).isEmpty();
    }
}
