package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LocalClientTests {

    @Test
    void a_loopback_peer_is_local() {
        assertThat(LocalClient.isLocal(from("127.0.0.1"))).isTrue();
        assertThat(LocalClient.isLocal(from("127.8.9.10"))).isTrue();
        assertThat(LocalClient.isLocal(from("::1"))).isTrue();
        assertThat(LocalClient.isLocal(from("0:0:0:0:0:0:0:1"))).isTrue();
    }

    @Test
    void any_other_peer_is_not_local() {
        assertThat(LocalClient.isLocal(from("10.0.0.7"))).isFalse();
        assertThat(LocalClient.isLocal(from("192.168.1.20"))).isFalse();
        assertThat(LocalClient.isLocal(from("fe80::1"))).isFalse();
        assertThat(LocalClient.isLocal(from("localhost"))).as("a name is never looked up").isFalse();
        assertThat(LocalClient.isLocal(from(""))).isFalse();
    }

    @Test
    void a_loopback_peer_that_forwards_for_someone_else_is_not_local() {
        for (String header : new String[] {"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP"}) {
            MockHttpServletRequest proxied = from("127.0.0.1");
            proxied.addHeader(header, "203.0.113.9");
            assertThat(LocalClient.isLocal(proxied)).as(header).isFalse();
        }
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/setup");
        request.setRemoteAddr(address);
        return request;
    }
}
