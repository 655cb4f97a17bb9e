package io.roster.notifications;

import io.roster.shared.Cursor;
import io.roster.shared.Ids;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import io.roster.shared.WrittenAtCommit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A person's in-app notifications. Every query is by the reader's own account. */
@Service
public class Inbox {

    static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final WrittenAtCommit<Object[]> pending;

    Inbox(JdbcClient jdbc, JdbcTemplate batch, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.pending = new WrittenAtCommit<>(rows -> batch.batchUpdate(
                "INSERT INTO notifications (id, account_id, kind, arguments, created_at) VALUES (?, ?, ?, ?, ?)", rows));
    }

    /** Filed with the caller's transaction, written with the other notifications of the change at its commit. */
    void add(String accountId, NotificationKind kind, List<String> arguments) {
        String joined = String.join(SEPARATOR, arguments);
        pending.add(new Object[] {Ids.newId(), accountId, kind.name(),
                joined.length() > 2000 ? joined.substring(0, 2000) : joined, Instant.now().atOffset(ZoneOffset.UTC)});
    }

    /** Newest first. */
    public Page<Notification> of(String accountId, Locale locale, boolean unreadOnly, PageRequest page) {
        Cursor after = page.cursor() == null ? null : page.cursor().requireSort("-createdAt");
        var spec = jdbc.sql("SELECT id, kind, arguments, created_at, read_at FROM notifications WHERE account_id = :account"
                        + (unreadOnly ? " AND read_at IS NULL" : "")
                        + (after == null ? "" : " AND (created_at, id) < (:afterTime, :afterId)")
                        + " ORDER BY created_at DESC, id DESC FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY")
                .param("account", accountId);
        if (after != null) {
            spec = spec.param("afterTime", OffsetDateTime.parse(after.key())).param("afterId", after.id());
        }
        List<Notification> rows = spec.query((rs, n) -> {
            NotificationKind kind = NotificationKind.valueOf(rs.getString(2));
            Object[] arguments = rs.getString(3).isEmpty() ? new Object[0]
                    : Worded.resolve(List.of(rs.getString(3).split(SEPARATOR, -1)));
            return new Notification(rs.getString(1), kind, messages.getMessage(kind.messageKey(), arguments, locale),
                    rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class) != null);
        }).list();
        return Page.fromLookahead(rows, page.limit(),
                last -> new Cursor("-createdAt", last.createdAt().atOffset(ZoneOffset.UTC).toString(), last.id()));
    }

    public long unread(String accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE account_id = ? AND read_at IS NULL")
                .param(accountId).query(Long.class).single();
    }

    /** Marks one of the reader's own notifications read; another person's is as unknown as a wrong id. */
    public void markRead(String accountId, String notificationId) {
        int updated = jdbc.sql("UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND account_id = ?")
                .params(Instant.now().atOffset(ZoneOffset.UTC), notificationId, accountId).update();
        if (updated == 0) {
            throw new Problems.NotFound("No notification " + notificationId).coded("NO_NOTIFICATION", notificationId);
        }
    }

    public void markAllRead(String accountId) {
        jdbc.sql("UPDATE notifications SET read_at = ? WHERE account_id = ? AND read_at IS NULL")
                .params(Instant.now().atOffset(ZoneOffset.UTC), accountId).update();
    }
}
