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
            // The key is free text and may itself hold the separator; the sort and id never do. No
            // other control character comes from a cursor this list wrote (the database refuses NUL).
            int first = raw.indexOf(SEP);
            int last = raw.lastIndexOf(SEP);
            if (first < 0 || first == last || last == raw.length() - 1 || !PlainText.isPlain(raw.substring(0, first))
                    || !PlainText.isPlain(raw.substring(first + 1, last).replace(SEP, ' '))
                    || !PlainText.isPlain(raw.substring(last + 1))) {
                throw new IllegalArgumentException();
            }
            return new Cursor(raw.substring(0, first), raw.substring(first + 1, last), raw.substring(last + 1));
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
