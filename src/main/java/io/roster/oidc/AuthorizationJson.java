package io.roster.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of Spring's authorization rows, as Spring makes it (the security modules' typed JSON),
 * without serializing again what the request read and did not change. A refresh reads the row,
 * parsing its attributes (who signed in, the authorization request) and each token's metadata,
 * adds new tokens, then writes the whole row back: the attributes and the spent code's metadata
 * are the maps it read. A map equal to one parsed in this request is written as the very text it
 * was parsed from, which reads back as that map; any other map (the new tokens' claims) is
 * serialized as before. What was read is kept in the request only.
 */
final class AuthorizationJson extends JsonMapper {

    private static final String READ = AuthorizationJson.class.getName() + ".read";

    AuthorizationJson() {
        super(JsonMapper.builder().addModules(SecurityJacksonModules.getModules(AuthorizationJson.class.getClassLoader())));
    }

    /** A map parsed in this request and the text it came from. */
    private record Read(Map<?, ?> map, String text) {
    }

    @Override
    public <T> T readValue(String content, JavaType valueType) {
        T value = super.readValue(content, valueType);
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
