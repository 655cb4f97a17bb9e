package io.roster.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Behind HTTPS (the public URL says so) every cookie is Secure, the session's included. */
@IntegrationTest
@TestPropertySource(properties = "roster.public-url=https://roster.example")
class SecureCookiesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void every_cookie_is_secure_when_the_public_url_is_https() {
        var form = new RawHttp(port).get("/login?lang=fr", Map.of("Host", ResponseHardeningIntegrationTests.EVIL));
        List<String> cookies = form.all("Set-Cookie");

        assertThat(cookies).as(form.toString()).anyMatch(cookie -> cookie.startsWith("SESSION="))
                .anyMatch(cookie -> cookie.startsWith("roster-lang="));
        assertThat(cookies).allMatch(cookie -> cookie.matches("(?i).*;\\s*secure(;.*|$)"), "is Secure");
    }
}
