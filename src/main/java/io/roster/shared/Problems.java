package io.roster.shared;

import java.util.List;
import java.util.Map;

/** The problem kinds Roster answers with. Each names the HTTP status it maps to. */
public final class Problems {

    private Problems() {
    }

    public static final class NotFound extends ProblemException {
        public NotFound(String detail) {
            super(404, "not-found", "Not found", detail, List.of(), Map.of());
        }

        @Override
        public NotFound coded(String code, Object... args) {
            super.coded(code, args);
            return this;
        }
    }

    public static final class Forbidden extends ProblemException {
        public Forbidden(String detail) {
            this("forbidden", detail);
        }

        public Forbidden(String type, String detail) {
            super(403, type, "Forbidden", detail, List.of(), Map.of());
        }

        /** {@code properties} may name a finer {@code reason}, for the console's words and clients. */
        public Forbidden(String type, String detail, Map<String, Object> properties) {
            super(403, type, "Forbidden", detail, List.of(), properties);
        }
    }

    public static final class Conflict extends ProblemException {
        public Conflict(String type, String detail) {
            this(type, detail, Map.of());
        }

        public Conflict(String type, String detail, Map<String, Object> properties) {
            super(409, type, "Conflict", detail, List.of(), properties);
        }
    }

    public static final class InvalidInput extends ProblemException {
        public InvalidInput(String detail, List<FieldError> errors) {
            super(400, "invalid-input", "Invalid input", detail, errors, Map.of());
        }

        public static InvalidInput of(String field, String message) {
            return new InvalidInput(field + ": " + message, List.of(new FieldError(field, message)));
        }

        public static InvalidInput of(FieldError error) {
            return new InvalidInput(error.field() + ": " + error.message(), List.of(error));
        }
    }

    public static final class Unprocessable extends ProblemException {
        public Unprocessable(String detail, List<FieldError> errors) {
            super(422, "immutable-field", "Field cannot be changed", detail, errors, Map.of());
        }
    }

    public static final class PreconditionFailed extends ProblemException {
        public PreconditionFailed(String detail) {
            super(412, "stale-etag", "Precondition failed", detail, List.of(), Map.of());
        }
    }

    /** Too many attempts; {@code retryAfterSeconds} also becomes the Retry-After header. */
    public static final class TooManyRequests extends ProblemException {
        /** Worded {@code TOO_MANY_ATTEMPTS} with the wait in seconds unless {@link #coded} names another sentence. */
        public TooManyRequests(String detail, long retryAfterSeconds) {
            super(429, "too-many-attempts", "Too many attempts", detail, List.of(),
                    Map.of("retryAfterSeconds", retryAfterSeconds));
            coded("TOO_MANY_ATTEMPTS", retryAfterSeconds);
        }
    }

    /** A link or resource that existed but can no longer be used (410), or never existed. */
    public static class GoneOrUnknown extends ProblemException {
        public GoneOrUnknown(String detail) {
            super(410, "link-unusable", "Link cannot be used", detail, List.of(), Map.of());
        }
    }

    public static final class Unauthorized extends ProblemException {
        public Unauthorized(String detail) {
            super(401, "unauthorized", "Unauthorized", detail, List.of(), Map.of());
        }
    }
}
