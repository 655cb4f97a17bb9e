package io.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.StartFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class MailPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void without_settings_the_record_holds_the_documented_defaults() {
        runner.run(context -> {
            MailProperties properties = context.getBean(MailProperties.class);
            assertThat(properties.mail().from()).isEqualTo("Roster <no-reply@roster.localhost>");
            assertThat(properties.mail().timeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.mail().retryDelays()).hasSize(9).startsWith(Duration.ofSeconds(5))
                    .endsWith(Duration.ofHours(12));
            assertThat(properties.mail().pollInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.retention().mail()).isEqualTo(Duration.ofDays(30));
        });
    }

    @Test
    void durations_are_read_in_both_spellings() {
        runner.withPropertyValues("roster.mail.timeout=3s", "roster.mail.retry-delays=PT1S,2m", "roster.retention.mail=P7D")
                .run(context -> {
                    MailProperties properties = context.getBean(MailProperties.class);
                    assertThat(properties.mail().timeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.mail().retryDelays()).containsExactly(Duration.ofSeconds(1), Duration.ofMinutes(2));
                    assertThat(properties.retention().mail()).isEqualTo(Duration.ofDays(7));
                });
    }

    @Test
    void a_zero_timeout_is_refused() {
        runner.withPropertyValues("roster.mail.timeout=0s").run(context -> assertThat(
                StartFailure.messages(context.getStartupFailure())).contains("roster.mail.timeout (ROSTER_MAIL_TIMEOUT) must be"
                        + " a duration above zero"));
    }

    @Test
    void a_sender_that_is_no_address_is_refused() {
        runner.withPropertyValues("roster.mail.from=Roster").run(context -> assertThat(
                StartFailure.messages(context.getStartupFailure())).contains("roster.mail.from (ROSTER_MAIL_FROM) must be one"
                        + " address").contains("'Roster'"));
    }

    @Test
    void a_negative_retention_is_refused() {
        runner.withPropertyValues("roster.retention.mail=-P1D").run(context -> assertThat(
                StartFailure.messages(context.getStartupFailure())).contains("roster.retention.mail (ROSTER_RETENTION_MAIL)"));
    }
}
