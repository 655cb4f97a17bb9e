package io.roster.users;

import java.time.Instant;

/**
 * A row waiting for a seat: {@code accountId} is the Users-table row, {@code userId} its user ID,
 * {@code position} its turn (1 = next), {@code since} when it joined the queue.
 */
public record WaitlistEntry(String id, String accountId, String userId, int position, boolean invite, Instant since) {
}
