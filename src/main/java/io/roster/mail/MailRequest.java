package io.roster.mail;

import java.time.Instant;
import java.util.List;

/**
 * A mail to write: who gets it, in which language, and what to say. {@code arguments} fill the
 * kind's message ({@code mail.<kind>.intro}); {@code link} is the action link, written out in full.
 */
public record MailRequest(String recipient, String locale, MailKind kind, List<Object> arguments, String link,
        Instant linkExpiresAt) {
}
