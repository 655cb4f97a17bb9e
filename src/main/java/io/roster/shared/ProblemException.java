package io.roster.shared;

import java.util.List;
import java.util.Map;

/**
 * Base of every failure that must reach the caller as an RFC 9457 problem (API) or a message
 * (console). Modules throw the subclasses below; adapters map them, never a silent 200 or a 500.
 */
public abstract class ProblemException extends RuntimeException {

    /** Problem types are relative URIs under this path, e.g. {@code /problems/not-found}. */
    public static final String TYPE_BASE = "/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> properties;
    private String code;
    private List<Object> args = List.of();

    protected ProblemException(int status, String type, String title, String detail,
            List<FieldError> errors, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
        if (status == 403) {
            RefusedRequests.mark(this);
        }
    }

    public int status() {
        return status;
    }

    /** A short slug; adapters turn it into the problem's {@code type} URI. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One line for a person: the first field error ("email: is not valid"), else the detail. */
    public String firstMessage() {
        return errors.isEmpty() ? getMessage() : errors.get(0).field() + ": " + errors.get(0).message();
    }

    /**
     * Names the sentence of this refusal for readers of every language: the adapters word it from
     * the message bundles ({@code problem.<code>} with {@code args}) and the API sends the code as
     * is, for clients to branch on. The detail given to the constructor stays the English words.
     */
    public ProblemException coded(String code, Object... args) {
        this.code = code;
        this.args = args == null ? List.of() : java.util.Arrays.asList(args.clone());
        return this;
    }

    /** The stable code of the refusal: the one given to {@link #coded}, else the type in capitals. */
    public String code() {
        return code != null ? code : type.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** True when {@link #coded} named the sentence, so the bundles hold its words. */
    public boolean worded() {
        return code != null;
    }

    /** The parameters of the coded sentence, in order ({0}, {1}…). */
    public List<Object> args() {
        return args;
    }

    /** Extra members of the problem document, e.g. {@code validationResult}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
