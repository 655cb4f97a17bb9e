package io.roster.shared;

import java.time.Instant;

/**
 * A module's purge of the rows it keeps only for a while (README, "Retention"). Each module
 * purges its own tables; {@link RetentionSchedule} runs every purge on one schedule. The audit log
 * has none and is kept.
 */
public interface Retention {

    /** Deletes what is past its retention period as of {@code now}; answers how many rows went. */
    int purge(Instant now);

    /** What the purged rows were, for the log line: "links expired for more than P30D". */
    String purgedRows();
}
