package io.roster.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.StartFailure;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class EdgePropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EdgeProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void cookies_are_secure_behind_https_unless_the_setting_says_otherwise() {
        runner.withPropertyValues("roster.public-url= https://roster.example/ ", "roster.secure-cookies=").run(context -> {
            EdgeProperties properties = context.getBean(EdgeProperties.class);
            assertThat(properties.publicUri()).isEqualTo(URI.create("https://roster.example/"));
            assertThat(properties.cookiesSecure()).isTrue();
        });
        runner.withPropertyValues("roster.public-url=https://roster.example", "roster.secure-cookies=false")
                .run(context -> assertThat(context.getBean(EdgeProperties.class).cookiesSecure()).isFalse());
        runner.withPropertyValues("roster.public-url=http://localhost:8080")
                .run(context -> assertThat(context.getBean(EdgeProperties.class).cookiesSecure()).isFalse());
        runner.withPropertyValues("roster.public-url=http://localhost:8080", "roster.secure-cookies=true")
                .run(context -> assertThat(context.getBean(EdgeProperties.class).cookiesSecure()).isTrue());
    }

    @Test
    void a_public_url_is_required() {
        runner.run(context -> assertThat(StartFailure.messages(context.getStartupFailure()))
                .contains("roster.public-url (ROSTER_PUBLIC_URL) must be set"));
    }

    @Test
    void a_public_url_of_another_scheme_is_refused() {
        runner.withPropertyValues("roster.public-url=ftp://roster.example").run(context -> assertThat(
                StartFailure.messages(context.getStartupFailure())).contains("must be an absolute http:// or https://"));
    }

    @Test
    void secure_cookies_other_than_true_or_false_are_refused() {
        runner.withPropertyValues("roster.public-url=https://roster.example", "roster.secure-cookies=maybe")
                .run(context -> assertThat(StartFailure.messages(context.getStartupFailure()))
                        .contains("roster.secure-cookies").contains("maybe"));
    }
}
