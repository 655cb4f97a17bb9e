package io.roster.api;

import io.roster.access.ScimClient;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import io.roster.users.UserStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SCIM 2.0 (RFC 7643/7644) for a company's directory. The security chain admits only a company SCIM
 * token, whose {@link ScimClient} names the company: every read and change here is of that company,
 * which is the whole authorization (a directory never sees another company).
 *
 * <p>This slice serves discovery and reading a user by id; the discovery documents say exactly that.
 */
@RestController
@RequestMapping(path = "/scim/v2", produces = {"application/scim+json", "application/json"})
class ScimController {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ROSTER_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";

    private final UserLifecycle users;
    private final ScimDocuments documents;

    ScimController(UserLifecycle users, ScimDocuments documents) {
        this.users = users;
        this.documents = documents;
    }

    @GetMapping("/ServiceProviderConfig")
    Map<String, Object> serviceProviderConfig() {
        return documents.serviceProviderConfig();
    }

    @GetMapping("/ResourceTypes")
    Map<String, Object> resourceTypes() {
        return documents.listOf(List.of(documents.userResourceType()));
    }

    @GetMapping("/ResourceTypes/User")
    Map<String, Object> userResourceType() {
        return documents.userResourceType();
    }

    @GetMapping("/Schemas")
    Map<String, Object> schemas() {
        return documents.listOf(List.of(documents.userSchema(), documents.rosterUserSchema()));
    }

    @GetMapping("/Schemas/{id}")
    Map<String, Object> schema(@PathVariable String id) {
        return switch (id) {
            case USER_SCHEMA -> documents.userSchema();
            case ROSTER_USER_SCHEMA -> documents.rosterUserSchema();
            default -> throw new io.roster.shared.Problems.NotFound("No schema " + id);
        };
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<Map<String, Object>> user(@AuthenticationPrincipal ScimClient client, @PathVariable String id) {
        UserRow row = users.row(client.company(), id);
        return ResponseEntity.ok().eTag(weak(row)).contentType(ScimErrors.SCIM_JSON).body(toScim(row));
    }

    /** meta.version and the ETag header: a weak ETag of the row's version (RFC 7644 §3.14). */
    private static String weak(UserRow row) {
        return "W/\"" + row.version() + "\"";
    }

    private Map<String, Object> toScim(UserRow row) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("schemas", List.of(USER_SCHEMA, ROSTER_USER_SCHEMA));
        user.put("id", row.id());
        if (row.userId() != null) {
            user.put("userName", row.userId());
        }
        Map<String, Object> name = new LinkedHashMap<>();
        if (row.firstName() != null) {
            name.put("givenName", row.firstName());
        }
        if (row.lastName() != null) {
            name.put("familyName", row.lastName());
        }
        user.put("name", name);
        if (row.email() != null) {
            user.put("emails", List.of(Map.of("value", row.email(), "type", "work", "primary", true)));
        }
        user.put("active", row.status() == UserStatus.ACTIVE);
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("status", row.status().name());
        extension.put("external", row.external());
        if (row.validationResult() != null) {
            extension.put("validationResult", row.validationResult());
        }
        user.put(ROSTER_USER_SCHEMA, extension);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", "User");
        meta.put("created", row.createdAt().toString());
        meta.put("lastModified", row.updatedAt().toString());
        meta.put("location", "/scim/v2/Users/" + row.id());
        meta.put("version", weak(row));
        user.put("meta", meta);
        return user;
    }
}
