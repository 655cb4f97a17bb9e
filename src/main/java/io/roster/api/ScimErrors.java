package io.roster.api;

import io.roster.access.ScimError;
import io.roster.shared.ProblemException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of {@code /scim/v2} in the SCIM format (RFC 7644 §3.12) rather than RFC 9457 problems: a
 * directory's client only understands its own. Runs before {@link ProblemHandler} for the SCIM
 * controllers alone.
 */
@RestControllerAdvice(assignableTypes = {ScimController.class, ScimGroupsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

    static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

    /** A refusal only SCIM has words for, such as {@code mutability}: answered as it is. */
    static final class Refusal extends RuntimeException {

        private final int status;
        private final String scimType;

        Refusal(int status, String scimType, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.scimType = scimType;
        }
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> on(Refusal refusal) {
        return error(refusal.status, refusal.scimType, refusal.getMessage());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Map<String, Object>> on(ProblemException problem) {
        if (problem.type().equals("built-in-role")) {
            // a built-in role's name and existence are fixed: RFC 7644 §3.12 calls that a 400 mutability
            return error(400, "mutability", problem.detail());
        }
        return error(problem.status(), scimTypeOf(problem), problem.detail());
    }

    /** A body that is not JSON, or not of the shape the endpoint reads. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> on(HttpMessageNotReadableException unreadable) {
        return error(400, "invalidSyntax", "The request body is not a JSON object SCIM can read");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> on(NoResourceFoundException missing) {
        return error(404, null, "No such SCIM endpoint");
    }

    static ResponseEntity<Map<String, Object>> error(int status, String scimType, String detail) {
        return ResponseEntity.status(status).contentType(SCIM_JSON).body(ScimError.body(status, scimType, detail));
    }

    /** The scimType RFC 7644 §3.12 names for what the Users table refused. */
    private static String scimTypeOf(ProblemException problem) {
        return switch (problem.status()) {
            case 409 -> problem.type().equals("role-in-use") ? "mutability" : "uniqueness";
            case 400 -> problem.errors().stream().anyMatch(error -> error.field().equals("filter"))
                    ? "invalidFilter" : "invalidValue";
            default -> null;
        };
    }
}
