package io.roster.access;

import io.roster.shared.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The name of a passkey being added, checked before Spring Security's registration reads the
 * request ({@code POST /webauthn/register}, body {@code {publicKey: {label, credential}}}): a name
 * empty or longer than {@link Passkeys#LABEL_MAX} characters is a 400 problem in the person's
 * language (code {@code PASSKEY_NAME_INVALID}), and nothing is written. The body is read once here
 * and handed on unchanged. A body that is not JSON is left to Spring's own answer.
 */
final class PasskeyNameCheck extends OncePerRequestFilter {

    static final String CODE = "PASSKEY_NAME_INVALID";
    /** A registration carries an attestation of a few kilobytes: a larger body is no registration. */
    private static final int MAX_BODY = 256 * 1024;

    private final JsonMapper json;
    private final MessageSource messages;
    private final Function<HttpServletRequest, Locale> locales;

    PasskeyNameCheck(JsonMapper json, MessageSource messages, Function<HttpServletRequest, Locale> locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + "/webauthn/register").equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY || !named(body)) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    /** True when the name is fine, or when the body is not JSON at all (Spring refuses it then). */
    private boolean named(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException notJson) {
            return true;
        }
        JsonNode label = root == null ? null : root.path("publicKey").path("label");
        if (label == null || !label.isString()) {
            return false;
        }
        String name = label.asString().strip();
        return !name.isEmpty() && name.length() <= Passkeys.LABEL_MAX;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.apply(request);
        String detail = messages.getMessage("problem." + CODE, new Object[] {Passkeys.LABEL_MAX}, locale);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemException.TYPE_BASE + "invalid-input");
        problem.put("title", messages.getMessage("problem.title.400", null, "Invalid input", locale));
        problem.put("status", 400);
        problem.put("detail", detail);
        problem.put("code", CODE);
        problem.put("errors", List.of(Map.of("field", "publicKey.label", "message", detail)));
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body read again from the bytes already taken. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                    java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
