package io.roster.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an error in the SCIM format (RFC 7644 §3.12) from a servlet filter, where no controller advice runs. */
@Component
class ScimErrorWriter {

    private final JsonMapper json;

    ScimErrorWriter(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, int status, String scimType, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/scim+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"roster-scim\"");
        }
        json.writeValue(response.getOutputStream(), ScimError.body(status, scimType, detail));
    }
}
