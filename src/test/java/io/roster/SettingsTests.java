package io.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.StartFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings records of every module, bound from the real {@code application.properties} and its
 * {@code ROSTER_*} variables: the defaults bind, and a bad value stops the start with a message
 * that names the setting and what it takes. No database: only the records are created.
 */
class SettingsTests {

    /** The records the application scans for, without the rest of the application. */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("io.roster")
    static class AllSettings {
    }

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(AllSettings.class);

    @Test
    void every_module_s_settings_bind_from_the_defaults() {
        application.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansWithAnnotation(ConfigurationProperties.class).keySet())
                    .anyMatch(name -> name.endsWith("io.roster.shared.SharedProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.mail.MailProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.access.AccessProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.access.SessionCookieProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.edge.EdgeProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.invitations.InvitationProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.api.ImportProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.operations.ShutdownProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.demo.DemoProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.webhooks.WebhookProperties"))
                    .anyMatch(name -> name.endsWith("io.roster.oidc.OidcProperties"));
        });
    }

    /** The variables the README names that have no line in application.properties: Boot maps them. */
    @Test
    void variables_without_a_line_in_application_properties_reach_their_settings() {
        application.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("ROSTER_MAIL_RETRY_DELAYS", "PT2S,1m", "ROSTER_MAIL_POLL_INTERVAL", "PT0.5S",
                                        "ROSTER_RETENTION_FIRST_RUN", "PT5M", "ROSTER_METRICS_CACHE", "30s",
                                        "ROSTER_SIGN_IN_DELAY_UNIT", "PT2S", "ROSTER_SIGN_IN_ADDRESS_LOCK_AFTER", "40",
                                        "ROSTER_WEBHOOKS_RETRY_FOR", "PT6H", "ROSTER_WEBHOOKS_POLL_INTERVAL", "PT2S"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Binder binder = Binder.get(context.getEnvironment());
                    assertThat(binder.bind("roster.mail.retry-delays", Bindable.listOf(Duration.class)).get())
                            .containsExactly(Duration.ofSeconds(2), Duration.ofMinutes(1));
                    assertThat(binder.bind("roster.metrics.cache", Duration.class).get()).hasSeconds(30);
                    assertThat(binder.bind("roster.sign-in.delay-unit", Duration.class).get()).hasSeconds(2);
                    assertThat(binder.bind("roster.sign-in.address-lock-after", Integer.class).get()).isEqualTo(40);
                    assertThat(binder.bind("roster.webhooks.retry-for", Duration.class).get()).hasHours(6);
                    assertThat(context.getEnvironment().resolvePlaceholders("${roster.webhooks.poll-interval:PT1S}"))
                            .isEqualTo("PT2S");
                    // read by @Scheduled through their placeholders
                    assertThat(context.getEnvironment().resolvePlaceholders("${roster.mail.poll-interval:PT1S}"))
                            .isEqualTo("PT0.5S");
                    assertThat(context.getEnvironment().resolvePlaceholders("${roster.retention.first-run:PT2M}"))
                            .isEqualTo("PT5M");
                });
    }

    @Test
    void a_negative_mail_timeout_stops_the_start_and_says_what_to_set() {
        application.withPropertyValues("ROSTER_MAIL_TIMEOUT=-5s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartFailure.messages(context.getStartupFailure()))
                    .contains("roster.mail.timeout (ROSTER_MAIL_TIMEOUT) must be a duration above zero, such as 10s");
        });
    }

    @Test
    void an_unparseable_duration_stops_the_start_naming_the_setting_and_the_value() {
        application.withPropertyValues("ROSTER_INVITATION_LIFETIME=three days").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartFailure.messages(context.getStartupFailure()))
                    .contains("roster.invitations.lifetime").contains("three days");
        });
    }

    @Test
    void a_public_url_without_a_scheme_stops_the_start_and_shows_one_that_works() {
        application.withPropertyValues("ROSTER_PUBLIC_URL=roster.example.com").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartFailure.messages(context.getStartupFailure()))
                    .contains("roster.public-url (ROSTER_PUBLIC_URL) must be an absolute http:// or https:// address")
                    .contains("'roster.example.com'");
        });
    }

    @Test
    void a_malformed_public_url_stops_the_start() {
        application.withPropertyValues("ROSTER_PUBLIC_URL=https://roster example.com").run(context -> {
            assertThat(context).hasFailed();
            assertThat(StartFailure.messages(context.getStartupFailure()))
                    .contains("roster.public-url (ROSTER_PUBLIC_URL)").contains("is malformed");
        });
    }
}
