package io.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mail leaves through the outbox, so an SMTP outage must not take a node out of its balancer:
 * with the SMTP server refusing connections, health, liveness and readiness stay UP.
 */
@IntegrationTest
class HealthWithSmtpDownIntegrationTests {

    static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void smtpOnAClosedPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void a_node_whose_smtp_server_is_down_stays_up_for_its_balancer(String path) {
        HealthProbes.Probe probe = HealthProbes.probe(port, path);

        assertThat(probe.status()).as(probe.body()).isEqualTo(200);
        assertThat(probe.body()).contains("\"status\":\"UP\"");
    }

    /** A loopback port nothing listens on: the socket is bound, its port noted, and closed again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
