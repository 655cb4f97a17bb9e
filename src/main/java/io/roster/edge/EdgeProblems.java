package io.roster.edge;

import io.roster.shared.ProblemException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a refusal made outside any controller: an RFC 9457 problem for the API (and the other
 * machine-facing paths), the console's error page for everything else.
 */
@Component
class EdgeProblems {

    static final String PROBLEM_JSON = "application/problem+json";

    private final JsonMapper json;

    EdgeProblems(JsonMapper json) {
        this.json = json;
    }

    /** The API, its documentation and the actuator speak JSON; the rest is the console. */
    static boolean speaksJson(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator/"));
    }

    /**
     * A browser's request: it asks for HTML. Browsers send {@code text/html} first in Accept; API
     * clients send JSON types or nothing, and keep their problem documents.
     */
    static boolean browser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        if (!speaksJson(request.getRequestURI())) {
            page(request, response, refusal.status());
            return;
        }
        Map<String, Object> body = problem(refusal.status(), refusal.field() + ": " + refusal.message());
        if (refusal.status() == 400) {
            body.put("type", ProblemException.TYPE_BASE + "invalid-input");
            body.put("title", "Invalid input");
        }
        body.put("errors", List.of(Map.of("field", refusal.field(), "message", refusal.message())));
        write(response, refusal.status(), body);
    }

    /**
     * The console's error page, by a forward rather than {@code sendError}: the page must not read
     * the very parameters that were refused (the container would fail on them again).
     */
    private static void page(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(status);
        try {
            request.getRequestDispatcher("/error").forward(new WithoutParameters(request), response);
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }

    void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        json.writeValue(response.getOutputStream(), body);
    }

    /** A problem of the framework's kind ({@code /problems/http-<status>}) with a detail that gives nothing away. */
    static Map<String, Object> problem(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemException.TYPE_BASE + "http-" + status);
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    /** The request as the error page sees it: no query string, no parameters, no body to parse. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
