package io.roster.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an error in the SCIM format (RFC 7644 §3.12) from a servlet filter, where no controller advice runs. */
@Component
class ScimErrorWriter {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final JsonMapper json;

    ScimErrorWriter(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, int status, String scimType, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemas", List.of(ERROR_SCHEMA));
        // RFC 7644 writes the status as a string
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/scim+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"roster-scim\"");
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
