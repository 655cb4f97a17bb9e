package io.roster.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The mails Roster wrote for an address, read through the operator's outbox view (the test runs
 * have no SMTP server, so links stay visible there), and the links they carry.
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/invitations/[A-Za-z0-9_-]+)");

    private final Api operator;

    public Mailbox(Api operator) {
        this.operator = operator;
    }

    /** The link of the latest mail of this kind to this address; waits briefly for it. */
    public String link(String recipient, String kind) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Optional<String> found = latest(recipient, kind).map(mail -> {
                Matcher matcher = LINK.matcher(mail.get("bodyText").asString());
                return matcher.find() ? matcher.group(1) : null;
            });
            if (found.isPresent()) {
                return found.get();
            }
            pause();
        }
        throw new AssertionError("no " + kind + " link mailed to " + recipient);
    }

    /** How many mails of this kind were written to this address. */
    public int count(String recipient, String kind) {
        int count = 0;
        for (JsonNode mail : mails(recipient)) {
            if (mail.get("kind").asString().equals(kind)) {
                count++;
            }
        }
        return count;
    }

    private Optional<JsonNode> latest(String recipient, String kind) {
        for (JsonNode mail : mails(recipient)) {
            if (mail.get("kind").asString().equals(kind)) {
                return Optional.of(mail);
            }
        }
        return Optional.empty();
    }

    private JsonNode mails(String recipient) {
        return operator.get("/api/v1/mail?recipient=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8)).json()
                .get("items");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
