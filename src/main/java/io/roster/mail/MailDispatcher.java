package io.roster.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due mails from the outbox. Each round claims a batch in a short transaction
 * ({@code FOR UPDATE SKIP LOCKED}, so nodes never claim the same row, plus a lease, so a node that
 * dies mid-send only delays a mail), sends outside any transaction, then records the outcome: SENT,
 * or a retry after a growing delay, or DEAD after the last attempt (visible in the mail preview).
 * A mail that left (or died) keeps its body with link tokens masked ({@link LinkMasking}). Each
 * outcome is counted ({@code roster.mail.deliveries}, tagged sent, retry or dead).
 * At shutdown it stops between two mails and gives back what it claimed and did not send
 * ({@link DispatcherLifecycle}).
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 50;
    private static final int MAX_ROUNDS = 40;
    /**
     * The waits of one SMTP send, each bounded by {@code roster.mail.timeout}: connect, greeting,
     * EHLO, STARTTLS with its handshake and second EHLO, AUTH (two exchanges), MAIL, RCPT, DATA,
     * the end of the data, QUIT. A plain send has eight: the rest is the margin for recording it.
     */
    static final int WAITS_PER_SEND = 12;
    private static final Duration MAX_RECORD_PAUSE = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MailTransport transport;
    private final DispatcherLifecycle lifecycle;
    private final List<Duration> retryDelays;
    private final Duration worstSend;
    private final Duration lease;
    private final LinkMasking masking;
    private final Counter sent;
    private final Counter retried;
    private final Counter dead;

    MailDispatcher(JdbcClient jdbc, TransactionTemplate tx, MailTransport transport, DispatcherLifecycle lifecycle,
            MailProperties properties, LinkMasking masking, MeterRegistry meters) {
        List<Duration> retryDelays = properties.mail().retryDelays();
        Duration timeout = properties.mail().timeout();
        this.jdbc = jdbc;
        this.tx = tx;
        this.transport = transport;
        this.lifecycle = lifecycle;
        this.retryDelays = List.copyOf(retryDelays);
        // The rule that keeps a mail from being sent twice: a claim leases its batch for two
        // worst-case sends, and a send starts only while its lease still has a whole worst-case
        // send left (deliverOneBatch). Every send begun ends inside its lease, so no other node
        // claims a mail still being sent; the rest of a slow batch is released and claimed again.
        this.worstSend = timeout.multipliedBy(WAITS_PER_SEND);
        this.lease = worstSend.multipliedBy(2);
        this.masking = masking;
        this.sent = deliveries(meters, "sent");
        this.retried = deliveries(meters, "retry");
        this.dead = deliveries(meters, "dead");
    }

    private static Counter deliveries(MeterRegistry meters, String outcome) {
        return Counter.builder("roster.mail.deliveries").tag("outcome", outcome)
                .description("Delivery attempts of outbox mails by outcome").register(meters);
    }

    /** Drains what is due in batches (a bulk import can queue thousands), a bounded number per round. */
    @Scheduled(fixedDelayString = "${roster.mail.poll-interval:PT1S}", initialDelayString = "${roster.mail.poll-interval:PT1S}")
    void deliverDueMails() {
        lifecycle.round(() -> {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                if (lifecycle.stopping() || deliverOneBatch() < BATCH) {
                    return;
                }
            }
        });
    }

    private int deliverOneBatch() {
        List<Claimed> batch = claim();
        for (int i = 0; i < batch.size(); i++) {
            Claimed mail = batch.get(i);
            // the node is stopping, or the lease could end during this send: the rest goes back
            if (lifecycle.stopping() || now().plus(worstSend).isAfter(mail.leaseUntil())) {
                release(batch.subList(i, batch.size()));
                return i;
            }
            try {
                transport.send(mail.recipient(), mail.subject(), mail.text(), mail.html());
            } catch (Exception e) {
                failed(mail, e);
                continue;
            }
            recordSent(mail);
        }
        return batch.size();
    }

    /**
     * Records a mail that left. The SMTP server has it now, so giving up here would have the mail
     * sent again once its lease ends: while the database is unreachable (a restart, a failover)
     * this keeps trying, until shortly before the lease ends — past that another node may claim it.
     */
    private void recordSent(Claimed mail) {
        Duration pause = Duration.ofMillis(200);
        while (true) {
            try {
                jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, lease_until = NULL, last_error = NULL,"
                                + " body_text = ?, body_html = ? WHERE id = ?")
                        .params(now(), masking.kept(mail.text()), masking.kept(mail.html()), mail.id()).update();
                sent.increment();
                return;
            } catch (DataAccessException unreachable) {
                if (now().plus(pause).plusSeconds(1).isAfter(mail.leaseUntil())) {
                    log.error("Mail {} was sent but could not be recorded before its lease ended; it may be sent again: {}",
                            mail.id(), unreachable.toString());
                    throw unreachable;
                }
                log.warn("Mail {} was sent; recording it failed, trying again in {}: {}", mail.id(), pause,
                        unreachable.toString());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_RECORD_PAUSE) > 0 ? MAX_RECORD_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording a sent mail", e);
        }
    }

    /**
     * Claims up to a batch of due mails. Two steps: the due ids in the index's order, unlocked
     * (H2 reads every due row before sorting when the same query also locks, so a long queue
     * made every batch slow), then those rows locked and re-checked, skipping any
     * another node holds or leased in between.
     */
    private List<Claimed> claim() {
        return tx.execute(status -> {
            OffsetDateTime now = now();
            // to the millisecond, as both databases keep it, so release() finds its own lease again
            OffsetDateTime until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
            List<String> candidates = jdbc.sql("SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?"
                            + " AND (lease_until IS NULL OR lease_until < ?)"
                            + " ORDER BY status, next_attempt_at FETCH FIRST " + (2 * BATCH) + " ROWS ONLY")
                    .params(now, now).query(String.class).list();
            if (candidates.isEmpty()) {
                return List.of();
            }
            List<Claimed> due = jdbc.sql("SELECT id, recipient, subject, body_text, body_html, attempts FROM mail_outbox"
                            + " WHERE id IN (:ids) AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < :now)"
                            + " ORDER BY next_attempt_at FOR UPDATE SKIP LOCKED")
                    .param("ids", candidates).param("now", now)
                    .query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6) + 1, until))
                    .list();
            List<Claimed> batch = due.size() > BATCH ? due.subList(0, BATCH) : due;
            if (!batch.isEmpty()) {
                // one statement leases the whole batch (its rows are locked by the SELECT above)
                jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, lease_until = :until WHERE id IN (:ids)")
                        .param("until", until).param("ids", batch.stream().map(Claimed::id).toList()).update();
            }
            return batch;
        });
    }

    /**
     * Gives back claimed mails that this round will not send, undoing their claim's attempt, so any
     * node takes them at its next round. Only this claim's lease is lifted (a lease that expired
     * and was taken by another node has another end).
     */
    private void release(List<Claimed> unsent) {
        if (unsent.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE mail_outbox SET attempts = attempts - 1, lease_until = NULL"
                        + " WHERE id IN (:ids) AND status = 'PENDING' AND lease_until = :until")
                .param("ids", unsent.stream().map(Claimed::id).toList())
                .param("until", unsent.getFirst().leaseUntil()).update();
    }

    private void failed(Claimed mail, Exception e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        if (mail.attempt() > retryDelays.size()) {
            log.error("Mail {} to {} is dead after {} attempts: {}", mail.id(), mail.recipient(), mail.attempt(), reason);
            jdbc.sql("UPDATE mail_outbox SET status = 'DEAD', lease_until = NULL, last_error = ?, body_text = ?, body_html = ?"
                            + " WHERE id = ?")
                    .params(reason, masking.kept(mail.text()), masking.kept(mail.html()), mail.id()).update();
            dead.increment();
            return;
        }
        Duration delay = retryDelays.get(mail.attempt() - 1);
        log.warn("Mail {} not delivered (attempt {}), retrying in {}: {}", mail.id(), mail.attempt(), delay, reason);
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ?")
                .params(now().plus(delay), reason, mail.id()).update();
        retried.increment();
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }

    private record Claimed(String id, String recipient, String subject, String text, String html, int attempt,
            OffsetDateTime leaseUntil) {
    }
}
