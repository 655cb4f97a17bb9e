package io.roster.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a SCIM error (RFC 7644 §3.12), one shape for the refusals of the SCIM security chain
 * (here) and those of the SCIM endpoints (the api module).
 */
public final class ScimError {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimError() {
    }

    /** {@code scimType} may be null; RFC 7644 writes the status as a string. */
    public static Map<String, Object> body(int status, String scimType, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(SCHEMA));
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return body;
    }
}
