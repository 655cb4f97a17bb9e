package io.roster.notifications;

import java.time.Instant;

/** One in-app notification, its message rendered in the reader's language. */
public record Notification(String id, NotificationKind kind, String message, Instant createdAt, boolean read) {
}
