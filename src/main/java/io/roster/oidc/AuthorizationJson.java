package io.roster.oidc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of Spring's authorization rows, as Spring makes it (the security modules' typed JSON),
 * without parsing or serializing again what has not changed. A refresh reads the row, parsing its
 * attributes (who signed in, the authorization request) and each token's metadata, adds new
 * tokens, then writes the whole row back.
 *
 * <ul>
 * <li>The attributes never change after the sign-in, and parsing them is most of the row's cost
 * (the typed collections inside the authorization request and the principal make Jackson build
 * their deserializers again at every parse, which it does not cache for typed content). The
 * attributes parsed from a text are kept for that text, so the same text is not parsed again:
 * kept by content, the answer is what parsing would give, on any node, whoever wrote the row. The
 * values shared (the authorization request, the principal's token) are not changed by anyone.
 * At most {@value #KEPT_MOST} texts, then they start again from none.
 * <li>A map equal to one parsed in this request (the attributes, the spent code's metadata) is
 * written as the very text it was parsed from, which reads back as that map; any other map (the
 * new tokens' claims) is serialized as before. That is kept in the request only.
 * </ul>
 */
final class AuthorizationJson extends JsonMapper {

    private static final String READ = AuthorizationJson.class.getName() + ".read";
    /** What marks an authorization's attributes: the principal who signed in. */
    private static final String PRINCIPAL = java.security.Principal.class.getName();
    static final int KEPT_MOST = 1_000;

    /** Parsed attributes by the text they were parsed from. */
    private final Map<String, Map<?, ?>> attributes = new ConcurrentHashMap<>();

    AuthorizationJson() {
        super(JsonMapper.builder().addModules(SecurityJacksonModules.getModules(AuthorizationJson.class.getClassLoader())));
    }

    /** A map parsed in this request and the text it came from. */
    private record Read(Map<?, ?> map, String text) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T readValue(String content, JavaType valueType) {
        Map<?, ?> kept = content == null ? null : attributes.get(content);
        T value = kept != null && valueType.isTypeOrSubTypeOf(Map.class) ? (T) kept : super.readValue(content, valueType);
        if (kept == null && value instanceof Map<?, ?> parsed && parsed.containsKey(PRINCIPAL)) {
            if (attributes.size() >= KEPT_MOST) {
                attributes.clear();
            }
            attributes.put(content, Collections.unmodifiableMap(new LinkedHashMap<>(parsed)));
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null) {
                reads(request).add(new Read(map, content));
            }
        }
        return value;
    }

    @Override
    public String writeValueAsString(Object value) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null && request.getAttribute(READ, RequestAttributes.SCOPE_REQUEST) instanceof List<?> reads) {
                for (Object read : reads) {
                    if (read instanceof Read earlier && earlier.map().equals(map)) {
                        return earlier.text();
                    }
                }
            }
        }
        return super.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Read> reads(RequestAttributes request) {
        if (request.getAttribute(READ, RequestAttributes.SCOPE_REQUEST) instanceof List<?> reads) {
            return (List<Read>) reads;
        }
        List<Read> reads = new ArrayList<>(6);
        request.setAttribute(READ, reads, RequestAttributes.SCOPE_REQUEST);
        return reads;
    }
}
