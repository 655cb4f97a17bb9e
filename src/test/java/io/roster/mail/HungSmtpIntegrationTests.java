package io.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server that accepts connections and never answers: health does not wait on it, the
 * dispatcher gives up after the SMTP timeout and retries later, and the mail leaves once a working
 * server listens there again.
 */
@IntegrationTest
class HungSmtpIntegrationTests {

    static HungSmtpServer hung = HungSmtpServer.listen(0);
    static final int SMTP_PORT = hung.port();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("roster.mail.timeout", () -> "PT1S");
        registry.add("roster.mail.poll-interval", () -> "PT0.2S");
        registry.add("roster.mail.retry-delays", () -> "PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    GreenMail working;

    @BeforeEach
    void smtpHangs() {
        if (working == null && hung == null) {
            hung = HungSmtpServer.listen(SMTP_PORT);
        }
    }

    @AfterEach
    void stopWorkingServer() {
        if (working != null) {
            working.stop();
            working = null;
        }
    }

    @AfterAll
    static void closeHungServer() {
        if (hung != null) {
            hung.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void health_answers_up_at_once_while_the_smtp_server_hangs(String path) {
        HealthProbes.Probe probe = HealthProbes.probe(port, path);

        assertThat(probe.status()).as(probe.body()).isEqualTo(200);
        assertThat(probe.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void the_dispatcher_gives_up_on_a_hung_server_retries_and_delivers_once_smtp_answers() {
        Api api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        Map<String, Object> user = Fixtures.validUser("ACTIVE");
        assertThat(new Fixtures(api).createUser(new Fixtures(api).company(5), user).status()).isEqualTo(201);
        String recipient = (String) user.get("email");

        // each attempt ends at the timeout and is counted; the mail waits in the outbox
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(recipient).attempts() >= 2);
        Row waiting = outbox(recipient);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.lastError()).containsIgnoringCase("timeout");

        hung.close();
        hung = null;
        working = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        working.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox(recipient).status().equals("SENT"));
        assertThat(Arrays.stream(working.getReceivedMessages()).filter(m -> sentTo(m, recipient))).hasSize(1);
    }

    private record Row(String status, int attempts, String lastError) {
    }

    private Row outbox(String recipient) {
        return jdbc.sql("SELECT status, attempts, last_error FROM mail_outbox WHERE recipient = ? AND kind = 'ACCOUNT_SETUP'")
                .param(recipient)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .single();
    }

    private static boolean sentTo(jakarta.mail.internet.MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(recipient));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
