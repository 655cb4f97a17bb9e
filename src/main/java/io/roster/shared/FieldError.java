package io.roster.shared;

import java.util.Arrays;
import java.util.List;

/**
 * One thing to fix in a request: the JSON field and a message saying what is wrong. A refusal that
 * people read in their own language also carries a {@code code} with its {@code args}: the adapters
 * word it from the message bundles ({@code validation.<code>}) in the reader's language, and the API
 * returns the code as is, for clients to branch on.
 */
public record FieldError(String field, String message, String code, List<Object> args) {

    public FieldError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public FieldError(String field, String message) {
        this(field, message, null, List.of());
    }

    public FieldError(String field, String message, String code, Object[] args) {
        this(field, message, code, args == null ? List.of() : Arrays.asList(args));
    }

    /** True when the refusal has a code to be worded from the message bundles. */
    public boolean coded() {
        return code != null;
    }
}
