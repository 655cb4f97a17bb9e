package io.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Without SMTP server (the default run) mails are only logged, so the operator's mail view is
 * how links reach people: there they stay whole, also once "delivered". With SMTP they are masked
 * (InvitationMailIntegrationTests).
 */
@IntegrationTest
class OperatorMailViewIntegrationTests {

    private static final Pattern WHOLE_LINK = Pattern.compile("/invitations/[A-Za-z0-9_-]{40,}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void without_smtp_the_operator_sees_the_whole_link_after_delivery() {
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(operator).company(2);
        Map<String, Object> user = Fixtures.validUser("ACTIVE");
        operator.post("/api/v1/companies/" + company + "/users", user);
        String email = user.get("email").toString();

        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(jdbc.sql(
                "SELECT status FROM mail_outbox WHERE recipient = ? AND kind = 'ACCOUNT_SETUP'").param(email).query(String.class).single()));
        String shown = setupMail(operator.get("/api/v1/mail?status=SENT&recipient=" + URLEncoder.encode(email, StandardCharsets.UTF_8)));
        assertThat(WHOLE_LINK.matcher(shown).find()).as(shown).isTrue();
    }

    static String setupMail(Api.Response mails) {
        for (var mail : mails.json().get("items")) {
            if ("ACCOUNT_SETUP".equals(mail.get("kind").asString())) {
                return mail.get("bodyText").asString();
            }
        }
        throw new AssertionError("no setup mail in " + mails);
    }
}
