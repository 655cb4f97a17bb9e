package io.roster.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A keyset position: the sort key and the id of the last item of a page, plus the sort it belongs
 * to, so a cursor reused with another sort is refused instead of silently skipping rows.
 */
public record Cursor(String sort, String key, String id) {

    private static final char SEP = '\u001f';

    public String encode() {
        String raw = sort + SEP + key + SEP + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEP), -1);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw new IllegalArgumentException();
            }
            return new Cursor(parts[0], parts[1], parts[2]);
        } catch (IllegalArgumentException e) {
            throw Problems.InvalidInput.of("cursor", "is not a cursor returned by this list; start again without it");
        }
    }

    /** Refuses a cursor made for another sort order. */
    public Cursor requireSort(String expected) {
        if (!sort.equals(expected)) {
            throw Problems.InvalidInput.of("cursor", "was made for sort '" + sort + "'; keep the same sort or start again");
        }
        return this;
    }
}
