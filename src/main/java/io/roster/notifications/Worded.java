package io.roster.notifications;

import java.util.List;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An argument of a notification that is itself words to choose in the reader's language (a
 * built-in role's name, a workspace right), not a name someone typed: kept as its message key
 * behind a control character no typed name can hold, and looked up when the notification is read
 * or its mail written.
 */
final class Worded {

    private static final char MARK = '\u0002';

    private Worded() {
    }

    /** The argument that reads as the message {@code key} (and as {@code fallback} where the key has no words). */
    static String key(String key, String fallback) {
        return MARK + key + MARK + fallback;
    }

    /** The arguments for a MessageSource: the worded ones as resolvables, the others as they are. */
    static Object[] resolve(List<String> arguments) {
        return arguments.stream().map(Worded::resolve).toArray();
    }

    private static Object resolve(String argument) {
        if (argument == null || argument.isEmpty() || argument.charAt(0) != MARK) {
            return argument;
        }
        int end = argument.indexOf(MARK, 1);
        String key = end < 0 ? argument.substring(1) : argument.substring(1, end);
        String fallback = end < 0 ? key : argument.substring(end + 1);
        return new DefaultMessageSourceResolvable(new String[] {key}, fallback);
    }
}
