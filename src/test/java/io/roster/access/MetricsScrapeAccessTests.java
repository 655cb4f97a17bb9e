package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class MetricsScrapeAccessTests {

    @Test
    void without_a_token_only_a_local_collector_not_behind_a_proxy_may_scrape() {
        MetricsScrapeAccess access = new MetricsScrapeAccess("");

        assertThat(access.allowed(from("127.0.0.1"))).isTrue();
        assertThat(access.allowed(from("::1"))).isTrue();
        assertThat(access.allowed(from("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(access.allowed(from("192.0.2.10"))).isFalse();
        assertThat(access.allowed(from("localhost"))).as("only address literals").isFalse();
        MockHttpServletRequest proxied = from("127.0.0.1");
        proxied.addHeader("X-Forwarded-For", "198.51.100.7");
        assertThat(access.allowed(proxied)).isFalse();
    }

    @Test
    void with_a_token_only_its_bearer_may_scrape_from_anywhere() {
        MetricsScrapeAccess access = new MetricsScrapeAccess("s3cret-metrics-token");

        assertThat(access.allowed(from("127.0.0.1"))).as("loopback alone is not enough then").isFalse();
        assertThat(access.allowed(bearer(from("192.0.2.10"), "s3cret-metrics-token"))).isTrue();
        assertThat(access.allowed(bearer(from("192.0.2.10"), "wrong"))).isFalse();
        assertThat(access.allowed(bearer(from("127.0.0.1"), "s3cret-metrics-toke"))).isFalse();
        MockHttpServletRequest basic = from("127.0.0.1");
        basic.addHeader("Authorization", "Basic czNjcmV0LW1ldHJpY3MtdG9rZW4=");
        assertThat(access.allowed(basic)).isFalse();
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(address);
        return request;
    }

    private static MockHttpServletRequest bearer(MockHttpServletRequest request, String token) {
        request.addHeader("Authorization", "Bearer " + token);
        return request;
    }
}
