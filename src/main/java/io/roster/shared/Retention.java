package io.roster.shared;

import java.time.Instant;

/**
 * A module's purge of the rows it keeps only for a while (README, "Retention"). Each module
 * purges its own tables on a schedule; the audit log has none and is kept.
 */
public interface Retention {

    /** Deletes what is past its retention period as of {@code now}; answers how many rows went. */
    int purge(Instant now);
}
