package io.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every log line written while a request is served carries its request id, as the console log
 * prints it. The dispatcher's debug lines stand for any line of a request.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdLogIntegrationTests {

    private static final String LOGGER = "org.springframework.web.servlet.DispatcherServlet";

    @LocalServerPort
    int port;

    @BeforeEach
    void logTheDispatcher() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(LOGGER, LogLevel.DEBUG);
    }

    @AfterEach
    void quietAgain() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(LOGGER, null);
    }

    @Test
    void the_log_lines_of_a_request_carry_the_callers_request_id(CapturedOutput output) {
        Api.Response response = Api.at(port).withHeader("X-Request-Id", "log-line-test-4711")
                .basic("nobody@nowhere.example", "not a password").post("/api/v1/tokens", null);

        assertThat(response.header("X-Request-Id")).isEqualTo("log-line-test-4711");
        List<String> lines = linesOf(output, "\"/api/v1/tokens\"");
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).contains("[log-line-test-4711"));
    }

    @Test
    void a_request_without_an_id_gets_one_in_its_answer_and_its_log_lines(CapturedOutput output) {
        Api.Response response = Api.at(port).get("/login?requestIdLogTest");

        String id = response.header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(linesOf(output, "requestIdLogTest")).isNotEmpty().allSatisfy(line -> assertThat(line).contains("[" + id));
    }

    private static List<String> linesOf(CapturedOutput output, String marker) {
        return output.getOut().lines().filter(line -> line.contains(marker) && line.contains("DispatcherServlet")).toList();
    }
}
