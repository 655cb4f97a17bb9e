package io.roster.mail;

import io.roster.shared.Cursor;
import io.roster.shared.Ids;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.WrittenAtCommit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes mails into the outbox, in the caller's transaction: the mail exists exactly when the
 * change that causes it was committed, and no request waits on SMTP.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final WrittenAtCommit<Object[]> pending;
    private final LinkMasking masking;
    private final boolean onlyLogged;

    Outbox(JdbcClient jdbc, JdbcTemplate batch, MailTemplates templates, LinkMasking masking, MailTransport transport) {
        this.jdbc = jdbc;
        this.onlyLogged = transport.linksStayReadable();
        this.templates = templates;
        this.masking = masking;
        this.pending = new WrittenAtCommit<>(rows -> batch.batchUpdate("INSERT INTO mail_outbox (id, recipient, kind,"
                + " locale, subject, body_text, body_html, status, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", rows));
    }

    /** A mail as the operator's preview shows it. */
    public record OutboxMail(String id, String recipient, String kind, String subject, String bodyText, String status,
            int attempts, String lastError, Instant createdAt, Instant sentAt) {
    }

    /**
     * Renders the mail now and files it with the caller's transaction; the mails of one change
     * (a creation queues two) are inserted together at its commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String enqueue(MailRequest request) {
        MailTemplates.Rendered mail = templates.render(request);
        String id = Ids.newId();
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        pending.add(new Object[] {id, request.recipient(), request.kind().name(),
                request.locale() == null ? "en" : request.locale(), mail.subject(), mail.text(), mail.html(), now, now});
        return id;
    }

    /** The states of a mail in the outbox. */
    public enum Status { PENDING, SENT, DEAD }

    /**
     * Newest first, for the operator's mail preview; optionally one recipient's, and only those in
     * one state. Link tokens are masked unless mails never leave Roster (see {@link LinkMasking}).
     */
    public Page<OutboxMail> recent(String recipient, Status status, PageRequest page) {
        return recent(recipient, false, status, page);
    }

    /**
     * As {@link #recent(String, Status, PageRequest)}, for the mails whose recipient contains
     * {@code part}, in any case ("dupont" finds Julien.Dupont@atelier.example): the operator
     * looking for someone's mail rarely has the whole address.
     */
    public Page<OutboxMail> recentMatching(String part, PageRequest page) {
        return recent(part == null ? null : "%" + likeEscaped(part.trim().toLowerCase(java.util.Locale.ROOT)) + "%",
                true, null, page);
    }

    /**
     * True when no SMTP server is configured: a mail marked SENT was written to the log, not
     * delivered, and the preview says so.
     */
    public boolean onlyLogged() {
        return onlyLogged;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Page<OutboxMail> recent(String recipient, boolean pattern, Status status, PageRequest page) {
        Cursor after = page.cursor() == null ? null : page.cursor().requireSort("-createdAt");
        String where = (recipient == null ? "1 = 1" : pattern ? "LOWER(recipient) LIKE :recipient ESCAPE '\\'"
                : "recipient = :recipient")
                + (status == null ? "" : " AND status = :status")
                + (after == null ? "" : " AND (created_at, id) < (:afterTime, :afterId)");
        var spec = jdbc.sql("SELECT id, recipient, kind, subject, body_text, status, attempts, last_error, created_at, sent_at"
                + " FROM mail_outbox WHERE " + where + " ORDER BY created_at DESC, id DESC FETCH FIRST "
                + (page.limit() + 1) + " ROWS ONLY");
        if (recipient != null) {
            spec = spec.param("recipient", recipient);
        }
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (after != null) {
            spec = spec.param("afterTime", OffsetDateTime.parse(after.key())).param("afterId", after.id());
        }
        List<OutboxMail> rows = spec.query((rs, n) -> new OutboxMail(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), masking.kept(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(),
                rs.getObject(10, OffsetDateTime.class) == null ? null : rs.getObject(10, OffsetDateTime.class).toInstant()))
                .list();
        return Page.fromLookahead(rows, page.limit(),
                last -> new Cursor("-createdAt", last.createdAt().atOffset(ZoneOffset.UTC).toString(), last.id()));
    }
}
