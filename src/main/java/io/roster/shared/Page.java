package io.roster.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the cursor of the next page ({@code null} on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from a keyset query that fetched {@code limit + 1} rows: the extra row only
     * tells that a next page exists, and the last kept row gives its cursor.
     */
    public static <T> Page<T> fromLookahead(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> kept = rows.subList(0, limit);
        return new Page<>(List.copyOf(kept), cursorOf.apply(kept.get(limit - 1)).encode());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
