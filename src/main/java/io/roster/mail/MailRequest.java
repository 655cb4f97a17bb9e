package io.roster.mail;

import java.time.Instant;
import java.util.List;

/**
 * A mail to write: who gets it, in which language, and what to say. {@code arguments} fill the
 * kind's message ({@code mail.<kind>.intro}); {@code link} is the action link, written out in full.
 * {@code items}: a list the mail shows after its introduction, each line with its own links (a
 * review mail's guests); empty for most mails.
 */
public record MailRequest(String recipient, String locale, MailKind kind, List<Object> arguments, String link,
        Instant linkExpiresAt, List<Item> items) {

    public MailRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public MailRequest(String recipient, String locale, MailKind kind, List<Object> arguments, String link,
            Instant linkExpiresAt) {
        this(recipient, locale, kind, arguments, link, linkExpiresAt, List.of());
    }

    /** One line of the list: its words, and links each labelled by a message key ({@code mail.<kind>.<label>}). */
    public record Item(String text, List<ItemLink> links) {
    }

    public record ItemLink(String label, String url) {
    }
}
