package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.StartFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class AccessPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({AccessProperties.class, SessionCookieProperties.class})
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void sign_in_settings_are_read_from_environment_variables_too() {
        // ROSTER_SIGN_IN_DEVICE_COOKIE_LIFETIME has no line in application.properties: Boot maps it
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("ROSTER_SIGN_IN_DEVICE_COOKIE_LIFETIME", "P30D", "ROSTER_SIGN_IN_LOCK_AFTER", "7"))))
                .run(context -> {
                    AccessProperties.SignIn signIn = context.getBean(AccessProperties.class).signIn();
                    assertThat(signIn.deviceCookieLifetime()).isEqualTo(Duration.ofDays(30));
                    assertThat(signIn.lockAfter()).isEqualTo(7);
                    assertThat(signIn.delayAfter()).isEqualTo(5);
                });
    }

    @Test
    void throttle_delays_may_be_switched_off_but_not_made_negative() {
        runner.withPropertyValues("roster.sign-in.delay-unit=PT0S")
                .run(context -> assertThat(context.getBean(AccessProperties.class).signIn().delayUnit()).isZero());
        runner.withPropertyValues("roster.sign-in.lock-after=0").run(context -> assertThat(
                StartFailure.messages(context.getStartupFailure()))
                .contains("roster.sign-in.lock-after must be a whole number of at least 1; it is 0"));
    }

    @Test
    void secrets_stay_out_of_the_text_of_the_settings() {
        runner.withPropertyValues("roster.bootstrap.admin-email=ops@example.com",
                "roster.bootstrap.admin-password=a long operator password", "roster.metrics.token=s3cret-metrics-token")
                .run(context -> {
                    AccessProperties properties = context.getBean(AccessProperties.class);
                    assertThat(properties.bootstrap().adminPassword()).isEqualTo("a long operator password");
                    assertThat(properties.metrics().token()).isEqualTo("s3cret-metrics-token");
                    assertThat(properties.toString()).contains("ops@example.com")
                            .doesNotContain("a long operator password").doesNotContain("s3cret-metrics-token");
                });
    }

    @Test
    void the_device_cookie_follows_the_session_cookie_s_secure_flag() {
        runner.run(context -> assertThat(context.getBean(SessionCookieProperties.class).secure()).isFalse());
        runner.withPropertyValues("server.servlet.session.cookie.secure=true")
                .run(context -> assertThat(context.getBean(SessionCookieProperties.class).secure()).isTrue());
    }
}
