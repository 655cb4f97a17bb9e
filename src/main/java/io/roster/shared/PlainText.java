package io.roster.shared;

/**
 * The rule every text from outside must pass (JSON fields, query and form parameters, path ids,
 * HTTP Basic credentials, CSV cells): no control character other than tab, line feed and carriage
 * return, and no half of a surrogate pair. PostgreSQL cannot store NUL at all, and the other
 * controls only ever arrive by mistake or as an attack on logs, mails and spreadsheets.
 */
public final class PlainText {

    /** The field error's message when a text breaks the rule. */
    public static final String MESSAGE = "must not contain control characters";

    private PlainText() {
    }

    public static boolean isPlain(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses the text with a 400 naming the field. */
    public static String require(String field, String text) {
        if (!isPlain(text)) {
            throw Problems.InvalidInput.of(field, MESSAGE);
        }
        return text;
    }
}
