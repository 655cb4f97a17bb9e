package io.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.StartFailure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

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
                    .anyMatch(name -> name.endsWith("io.roster.demo.DemoProperties"));
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
