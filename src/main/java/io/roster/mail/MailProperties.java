package io.roster.mail;

import io.roster.shared.Settings;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The settings of the mail module: {@code roster.mail.*} and {@code roster.retention.mail}. */
@ConfigurationProperties("roster")
record MailProperties(@DefaultValue Mail mail, @DefaultValue Kept retention) {

    /**
     * @param from the sender of every mail ({@code ROSTER_MAIL_FROM}), an address with an optional name
     * @param timeout bounds each SMTP connect, read and write ({@code ROSTER_MAIL_TIMEOUT}); the outbox
     *        lease is derived from it ({@link MailDispatcher})
     * @param retryDelays the waits before each new attempt of a mail that failed; after the last one it is DEAD
     * @param pollInterval how often the dispatcher looks for due mails (read by its {@code @Scheduled})
     */
    record Mail(@DefaultValue("Roster <no-reply@roster.localhost>") String from, @DefaultValue("PT10S") Duration timeout,
            @DefaultValue({"PT5S", "PT15S", "PT1M", "PT5M", "PT15M", "PT1H", "PT3H", "PT6H", "PT12H"}) List<Duration> retryDelays,
            @DefaultValue("PT1S") Duration pollInterval) {

        Mail {
            checkSender(from);
            Settings.positive(timeout, "roster.mail.timeout (ROSTER_MAIL_TIMEOUT)");
            if (retryDelays == null || retryDelays.isEmpty()) {
                throw new IllegalArgumentException("roster.mail.retry-delays must list at least one duration, such as PT5S,PT1M,PT1H");
            }
            retryDelays.forEach(delay -> Settings.notNegative(delay, "each of roster.mail.retry-delays"));
            retryDelays = List.copyOf(retryDelays);
            Settings.positive(pollInterval, "roster.mail.poll-interval");
        }

        private static void checkSender(String from) {
            try {
                if (from == null || from.isBlank()) {
                    throw new AddressException("empty");
                }
                new InternetAddress(from, true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("roster.mail.from (ROSTER_MAIL_FROM) must be one address, optionally"
                        + " with a name, such as 'Roster <no-reply@roster.example.com>'; it is '" + from + "'");
            }
        }
    }

    /** @param mail how long SENT and DEAD mails stay in the outbox ({@code ROSTER_RETENTION_MAIL}) */
    record Kept(@DefaultValue("P30D") Duration mail) {
        Kept {
            Settings.positive(mail, "roster.retention.mail (ROSTER_RETENTION_MAIL)");
        }
    }
}
