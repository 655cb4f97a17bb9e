package io.roster.guests;

import static io.roster.support.DeliveredMail.to;
import static io.roster.support.DeliveredMail.subject;
import static io.roster.support.DeliveredMail.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roster.support.Api;
import io.roster.support.AtOnce;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The monthly review of guests (docs/rules.md §8) through a real SMTP server (GreenMail): the
 * sponsor's mail lists its guests in its language with a keep and a remove link each; opening a
 * link changes nothing, confirming acts once, and a second use is refused.
 */
@IntegrationTest
class GuestReviewMailIntegrationTests {

    static final TestSmtp smtp = TestSmtp.start();

    private static final Pattern INVITATION = Pattern.compile("(http://\\S+/invitations/[A-Za-z0-9_-]+)");
    private static final String PASSWORD = "guest-review-password";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
        registry.add("roster.mail.retry-delays", () -> "PT1S,PT1S,PT2S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GuestReviews reviews;

    String company;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        smtp.ensureRunning();
        fixtures = new Fixtures(Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD));
        company = fixtures.company(20);
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void the_sponsor_gets_one_review_a_month_and_each_link_acts_once_after_confirming() throws Exception {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD, "emailVerified", true,
                "roles", List.of("ADMINISTRATOR"));
        String sponsorId = fixtures.createUser(company, body).text("id");
        String sponsorEmail = body.get("email").toString();
        Api sponsor = Api.at(port).signIn(body.get("userId").toString(), PASSWORD);
        String workspace = sponsor.post(base() + "/workspaces", Map.of("name", Fixtures.unique("Review"))).text("id");
        String kept = accept(sponsor, workspace, Fixtures.unique("kept") + "@outside.example");
        String removed = accept(sponsor, workspace, Fixtures.unique("removed") + "@outside.example");

        twoNodesSendTheMonthlyReviews();

        MimeMessage review = awaitMailTo(sponsorEmail, "monthly review");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(Arrays.stream(smtp.received()).filter(m -> to(m, sponsorEmail))
                .filter(m -> subject(m).contains("monthly review")).count()).as("one mail per sponsor and month")
                .isEqualTo(1);
        String text = textOf(review);
        assertThat(text).contains("Gaston Lagaffe").contains("Keep: ").contains("Remove: ");
        String keepLink = linkFor(text, "keep", 0);
        String removeLink = linkFor(text, "remove", 1);

        Browser browser = new Browser(port);
        Browser.Page confirm = browser.get(keepLink);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.html()).contains("review-confirm").contains("Keep");
        assertThat(audit(sponsor, "workspace.guest_kept")).as("opening a link changes nothing").isEmpty();

        assertThat(browser.post(keepLink, Map.of()).html()).contains("review-done").contains("keeps their access");
        assertThat(audit(sponsor, "workspace.guest_kept")).hasSize(1);
        assertThat(browser.post(keepLink, Map.of()).html()).contains("review-refused").contains("already used");
        assertThat(new Browser(port).get(keepLink).html()).contains("already used");

        Browser other = new Browser(port);
        other.get(removeLink);
        assertThat(other.post(removeLink, Map.of()).html()).contains("was removed");
        String removedGuest = removeLink.contains("/remove") ? removed : kept;
        assertThat(sponsor.get(base() + "/workspaces/" + workspace + "/members/" + removedGuest).status()).isEqualTo(404);
        assertThat(sponsor.get(base() + "/workspaces/" + workspace + "/members/" + kept).status()).isEqualTo(200);
        assertThat(audit(sponsor, "workspace.guest_removed")).hasSize(1);
        assertThat(audit(sponsor, "guest_review.sent")).singleElement()
                .satisfies(entry -> assertThat(entry.get("targetId").asString()).isEqualTo(sponsorId));
    }

    @Test
    void a_french_sponsor_reads_the_review_in_french() throws Exception {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD, "emailVerified", true,
                "roles", List.of("ADMINISTRATOR"), "locale", "fr");
        fixtures.createUser(company, body);
        Api sponsor = Api.at(port).signIn(body.get("userId").toString(), PASSWORD);
        String workspace = sponsor.post(base() + "/workspaces", Map.of("name", Fixtures.unique("Revue"))).text("id");
        accept(sponsor, workspace, Fixtures.unique("invite") + "@outside.example");

        reviews.sendMonthly();

        MimeMessage review = awaitMailTo(body.get("email").toString(), "revue mensuelle");
        String text = textOf(review);
        assertThat(text).contains("Garder: ").contains("Retirer: ").contains("droit Lecture").doesNotContain("Keep:");
        String keep = linkFor(text, "keep", 0);
        assertThat(keep).contains("lang=fr");
        assertThat(new Browser(port).get(keep).html()).contains("Garder cet invité");
    }

    private void twoNodesSendTheMonthlyReviews() throws Exception {
        AtOnce.twice(reviews::sendMonthly);
    }

    /** The sponsor invites an outsider who creates an account from the link; returns its account id. */
    private String accept(Api sponsor, String workspace, String email) {
        var invited = sponsor.post(base() + "/workspaces/" + workspace + "/invitations", Map.of("email", email, "right", "READ"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        // read from the mail as delivered: once sent, the outbox keeps the body with its link masked
        await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(smtp.received()).anyMatch(m -> to(m, email)));
        MimeMessage delivered = Arrays.stream(smtp.received()).filter(m -> to(m, email)).findFirst().orElseThrow();
        Matcher matcher = INVITATION.matcher(textOf(delivered));
        assertThat(matcher.find()).as(textOf(delivered)).isTrue();
        String link = URI.create(matcher.group(1)).getRawPath();
        Browser browser = new Browser(port);
        browser.get(link);
        String handle = Fixtures.unique("g").toLowerCase();
        assertThat(browser.post(link, Map.of("firstName", "Gaston", "lastName", "Lagaffe", "userId", handle,
                "password", "a guest password", "confirmation", "a guest password")).html()).contains("Your account is created");
        return jdbc.sql("SELECT id FROM accounts WHERE user_id = ?").param(handle).query(String.class).single();
    }

    /** The n-th link of that decision in the mail, as a path (the browser talks to 127.0.0.1). */
    private static String linkFor(String text, String decision, int index) {
        Matcher matcher = Pattern.compile("(http://\\S+/invitations/reviews/[A-Za-z0-9_-]+/" + decision + "\\?lang=[a-z]+)")
                .matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        assertThat(found.size()).as("links to " + decision + " in " + text).isGreaterThan(index);
        URI uri = URI.create(found.get(index));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private List<tools.jackson.databind.JsonNode> audit(Api api, String action) {
        List<tools.jackson.databind.JsonNode> entries = new ArrayList<>();
        api.get(base() + "/audit?action=" + action).json().get("items").forEach(entries::add);
        return entries;
    }

    private MimeMessage awaitMailTo(String email, String subjectPart) {
        await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(smtp.received())
                .anyMatch(m -> to(m, email) && subject(m).contains(subjectPart)));
        return Arrays.stream(smtp.received()).filter(m -> to(m, email) && subject(m).contains(subjectPart))
                .findFirst().orElseThrow();
    }

    private String base() {
        return "/api/v1/companies/" + company;
    }


}
