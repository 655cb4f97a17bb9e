package io.roster.support;

/** What a failed start says: the messages of the failure and all its causes, one per line. */
public final class StartFailure {

    private StartFailure() {
    }

    public static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }
}
