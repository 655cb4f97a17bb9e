package io.roster.edge;

import io.roster.shared.PlainText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what no field could hold before it reaches the security chains and the modules: a path
 * or query string that does not decode to UTF-8, a blank path segment (a blank id), control
 * characters in the path or in any query, form or multipart parameter ({@link PlainText}), a body
 * the container cannot parse into parameters, and a Content-Type
 * that names no single media type or a multipart body without its boundary. JSON bodies and CSV
 * cells are checked where they are read, since only there is the field known. Each refusal is one
 * log line, never a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InputCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InputCheck.class);
    private static final String NOT_UTF8 = "is not valid percent-encoded UTF-8";

    private final EdgeProblems problems;

    InputCheck(EdgeProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Refusal refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        // the path and values stay out of the log: they may hold a mailed link's token or a password
        log.info("Refused a {} request: {} {} ({})", request.getMethod(), refusal.field(), refusal.message(),
                refusal.status());
        problems.refuse(request, response, refusal);
    }

    static Refusal refusal(HttpServletRequest request) {
        Refusal refusal = path(request.getRequestURI());
        if (refusal == null) {
            refusal = contentType(request.getContentType());
        }
        if (refusal == null) {
            refusal = query(request.getQueryString());
        }
        if (refusal == null) {
            refusal = parameters(request);
        }
        return refusal;
    }

    private static Refusal path(String uri) {
        for (String segment : uri.split("/")) {
            String decoded = Percent.decode(segment, false);
            if (decoded == null) {
                return Refusal.badRequest("path", NOT_UTF8);
            }
            if (!segment.isEmpty() && decoded.isBlank()) {
                return Refusal.badRequest("path", "has a blank segment where an id belongs");
            }
            if (!PlainText.isPlain(decoded)) {
                return Refusal.badRequest("path", PlainText.MESSAGE);
            }
        }
        return null;
    }

    private static Refusal contentType(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return Refusal.unsupportedMediaType("is not a media type");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return Refusal.unsupportedMediaType("must name one media type, not a wildcard");
        }
        if ("multipart".equals(type.getType()) && type.getParameter("boundary") == null) {
            return Refusal.badRequest("Content-Type", "a multipart body needs its boundary parameter");
        }
        return null;
    }

    /** Decoded here as strictly as the servlet container would, so multipart requests are checked too. */
    private static Refusal query(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = Percent.decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : Percent.decode(pair.substring(equals + 1), true);
            if (name == null || value == null) {
                return Refusal.badRequest(name == null ? "query" : name, NOT_UTF8);
            }
            if (!PlainText.isPlain(name) || !PlainText.isPlain(value)) {
                return Refusal.badRequest(PlainText.isPlain(name) ? name : "query", PlainText.MESSAGE);
            }
        }
        return null;
    }

    /**
     * The container's own parsing (query, form or multipart body): what it cannot parse, or too many
     * parameters. An upload over the size limit goes on, so that the import answers it with its limit.
     */
    private static Refusal parameters(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            if (isMultipart(request.getContentType()) && tooLarge(e)) {
                return null;
            }
            return Refusal.badRequest(isMultipart(request.getContentType()) ? "body" : "parameters",
                    "cannot be read: " + (isMultipart(request.getContentType()) ? "a multipart body cut short or malformed"
                            : NOT_UTF8 + ", or too many"));
        }
        for (var parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (!PlainText.isPlain(value)) {
                    return Refusal.badRequest(PlainText.isPlain(parameter.getKey()) ? parameter.getKey() : "parameters",
                            PlainText.MESSAGE);
                }
            }
        }
        return null;
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || cause.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMultipart(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10);
    }
}
