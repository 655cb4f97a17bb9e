package io.roster.users;

import java.util.List;

/**
 * Why a row cannot become an account (docs/rules.md §2), as a stable code: what the database keeps,
 * what the API returns beside the text, and the key of the words people read
 * ({@code validation.<CODE>} in the message bundles, arguments in the order of {@link #parameters()}).
 */
public enum ValidationCode {

    /** Activated. */
    OK,
    USER_ID_MISSING,
    USER_ID_INVALID,
    USER_ID_TAKEN,
    /** An edit: the userId cannot change once the account exists. */
    USER_ID_IMMUTABLE,
    /** A race lost at the database where it cannot tell which of the two was claimed (partner staff). */
    USER_ID_OR_EMAIL_TAKEN,
    FIRST_NAME_MISSING,
    LAST_NAME_MISSING,
    EMAIL_MISSING,
    EMAIL_INVALID,
    EMAIL_TAKEN,
    /** Every license is in use. */
    NO_LICENSE("used", "purchased"),
    /** A draft refused for want of a license, told that licenses were added since (recomputed). */
    LICENSE_AVAILABLE("used", "purchased"),
    /** The company's seat waitlist holds the row: it is activated when a seat frees, at its turn. */
    WAITING_FOR_LICENSE("position"),
    /** An administrator took the row off the seat waitlist: it waits no more. */
    WAITLIST_REMOVED,
    /** The company turned its seat waitlist off while the row waited: it waits no more. */
    WAITLIST_CLOSED("used", "purchased"),
    PASSWORD_TOO_SHORT("min"),
    PASSWORD_TOO_LONG("max"),
    PASSWORD_TOO_COMMON,
    /** Import: the row names a role the company does not have. */
    ROLE_UNKNOWN("role"),
    /** Import: a status other than ACTIVE or DRAFT. */
    STATUS_NOT_IMPORTABLE("status"),
    /** Import: more cells than the header has columns (a separator in an unquoted cell). */
    TOO_MANY_CELLS("cells", "columns", "separator"),
    /**
     * A result written before results were codes, in words no code matches: kept as it was
     * written and shown as is.
     */
    TEXT("text");

    private final List<String> parameters;

    ValidationCode(String... parameters) {
        this.parameters = List.of(parameters);
    }

    /** The names of its parameters, in the order the message takes them. */
    public List<String> parameters() {
        return parameters;
    }

    /** The form field it is about ({@code userId}, {@code email}…), or {@code form} for none in particular. */
    public String field() {
        if (name().startsWith("USER_ID")) {
            return "userId";
        }
        if (name().startsWith("EMAIL")) {
            return "email";
        }
        if (name().startsWith("PASSWORD")) {
            return "password";
        }
        return switch (this) {
            case FIRST_NAME_MISSING -> "firstName";
            case LAST_NAME_MISSING -> "lastName";
            default -> "form";
        };
    }

    /** The key of its words in the message bundles. */
    public String messageKey() {
        return "validation." + name();
    }
}
