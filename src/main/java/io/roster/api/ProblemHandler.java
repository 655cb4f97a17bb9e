package io.roster.api;

import io.roster.shared.FieldError;
import io.roster.shared.PlainText;
import io.roster.shared.ProblemException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem: the module's own problems, malformed JSON, wrong
 * types, unknown fields (400 with the field named) — and anything unexpected into a 500 problem
 * that gives nothing away.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final CsvImportLimits importLimits;
    private final ApiWording words;

    ProblemHandler(CsvImportLimits importLimits, ApiWording words) {
        this.importLimits = importLimits;
        this.words = words;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ProblemDetail body = detail(e.status(), e.type(), e.title(), e.detail(), e.errors());
        if (e.errors().stream().anyMatch(FieldError::coded)) {
            // a coded refusal keeps its code for clients; its words, when the module gave none, in the caller's language
            body.setProperty("errors", e.errors().stream().map(this::coded).toList());
        }
        body.setProperty("code", e.code());
        e.properties().forEach(body::setProperty);
        words.problem(e).ifPresent(body::setDetail);
        words.title(e.status()).ifPresent(body::setTitle);
        var response = ResponseEntity.status(e.status());
        if (e.properties().get("retryAfterSeconds") instanceof Long seconds) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        return response.body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameterType(MethodArgumentTypeMismatchException e) {
        String message = "has the wrong type: expected " + (e.getRequiredType() == null ? "another value"
                : e.getRequiredType().getSimpleName().toLowerCase());
        return ResponseEntity.badRequest().body(worded(detail(400, "invalid-input", "Invalid input",
                e.getName() + " " + message, List.of(new FieldError(e.getName(), message))), "WRONG_TYPE", e.getName()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        ProblemDetail body;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            body = worded(detail(400, "invalid-input", "Invalid input", "Unknown field '" + field + "'",
                    List.of(new FieldError(field, "is not a field of this request"))), "UNKNOWN_FIELD", field);
        } else if (cause instanceof PlainTextJson.ControlCharacters text) {
            String field = path(text);
            body = worded(detail(400, "invalid-input", "Invalid input", field + ": " + PlainText.MESSAGE,
                    List.of(new FieldError(field, PlainText.MESSAGE))), "CONTROL_CHARACTERS", field);
        } else if (cause instanceof JacksonException json && !path(json).isEmpty()) {
            String field = path(json);
            body = worded(detail(400, "invalid-input", "Invalid input", "Field '" + field + "' has the wrong type or format",
                    List.of(new FieldError(field, "has the wrong type or format"))), "WRONG_TYPE", field);
        } else {
            body = worded(detail(400, "malformed-json", "Malformed request body",
                    "The request body is missing or is not valid JSON", List.of()), "MALFORMED_JSON");
        }
        return ResponseEntity.badRequest().body(body);
    }

    /** Only an import takes files: a multipart upload over the limit gets the import's own 413. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<ProblemDetail> problem = problem(importLimits.tooLarge());
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    /** A multipart body that does not parse (no boundary, cut short) is the client's mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        log.info("Refused a multipart body: {}", e.getMessage());
        return ResponseEntity.badRequest().body(worded(detail(400, "malformed-multipart", "Malformed request body",
                "The multipart body cannot be read: send the file in a multipart/form-data field named file", List.of()),
                "MALFORMED_MULTIPART"));
    }

    /** Parameters the servlet container cannot parse, found only once a controller asks for them. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException e) {
        log.info("Refused unreadable parameters: {}", e.getClass().getSimpleName());
        return ResponseEntity.badRequest().body(worded(detail(400, "invalid-input", "Invalid input",
                "The query string or the form cannot be read: send percent-encoded UTF-8", List.of()), "UNREADABLE_PARAMETERS"));
    }

    /**
     * An unknown console address gets the console's 404 page (by the error dispatch), not a
     * problem; so does an unknown API address typed into a browser (it asks for text/html).
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && (!servlet.getRequest().getRequestURI().startsWith("/api/")
                        || String.valueOf(servlet.getRequest().getHeader("Accept")).contains("text/html"))
                && !servlet.getRequest().getRequestURI().startsWith("/scim/")) {
            try {
                servlet.getResponse().sendError(404);
                return null;
            } catch (IOException | IllegalStateException committed) {
                // fall back to the problem below
            }
        }
        return super.handleNoResourceFoundException(e, headers, status, request);
    }

    /** Framework-made problems (404, 405, 415 …) get a type like ours instead of about:blank. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        // a SCIM client reads SCIM errors only (RFC 7644 §3.12): an unknown /scim/v2 path, a wrong method…
        if (request instanceof ServletWebRequest servlet && servlet.getRequest().getRequestURI().startsWith("/scim/")) {
            String detail = body instanceof ProblemDetail problem && problem.getDetail() != null ? problem.getDetail()
                    : "The SCIM request cannot be served";
            HttpHeaders scimHeaders = new HttpHeaders();
            scimHeaders.addAll(headers);
            scimHeaders.setContentType(ScimErrors.SCIM_JSON);
            return new ResponseEntity<>(io.roster.access.ScimError.body(statusCode.value(), null,
                    statusCode.value() == 404 ? "No such SCIM endpoint" : detail), scimHeaders, statusCode);
        }
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(ProblemException.TYPE_BASE + "http-" + statusCode.value()));
        }
        if (body instanceof ProblemDetail problem) {
            String type = problem.getType().toString().substring(problem.getType().toString().lastIndexOf('/') + 1);
            String code = problem.getProperties() != null && problem.getProperties().get("code") instanceof String given
                    ? given : type.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            problem.setProperty("code", code);
            words.problem(code, List.of()).ifPresent(problem::setDetail);
            words.title(statusCode.value()).ifPresent(problem::setTitle);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(worded(detail(500, "internal-error", "Internal error",
                "Something went wrong on our side; nothing was half-done. Try again later.", List.of()), "INTERNAL_ERROR"));
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The problem's stable {@code code}, and its detail and title in the caller's language. */
    private ProblemDetail worded(ProblemDetail body, String code, Object... args) {
        body.setProperty("code", code);
        words.problem(code, List.of(args)).ifPresent(body::setDetail);
        words.title(body.getStatus()).ifPresent(body::setTitle);
        return body;
    }

    private Map<String, Object> coded(FieldError error) {
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("field", error.field());
        entry.put("message", error.coded() && (error.code().equals(error.message()) || words.translated())
                ? words.message(error) : error.message());
        if (error.coded()) {
            entry.put("code", error.code());
        }
        return entry;
    }

    static ProblemDetail detail(int status, String type, String title, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        body.setType(URI.create(ProblemException.TYPE_BASE + type));
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors.stream()
                    .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        }
        return body;
    }
}
