package io.roster.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The SCIM discovery documents (RFC 7643 §5–7). They describe exactly what {@link ScimController}
 * serves, so a directory never tries what would fail: change them with it.
 */
@Component
class ScimDocuments {

    private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    Map<String, Object> serviceProviderConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"));
        config.put("patch", Map.of("supported", true));
        config.put("bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
        // eq on userName, externalId, emails.value, emails[type eq "work"].value (Users), displayName (Groups),
        // with and/or (ScimFilter)
        config.put("filter", Map.of("supported", true, "maxResults", 200));
        config.put("changePassword", Map.of("supported", false));
        config.put("sort", Map.of("supported", false));
        // Users (the row version) and Groups (a digest of name and members): see ScimVersions
        config.put("etag", Map.of("supported", true));
        config.put("authenticationSchemes", List.of(Map.of(
                "type", "oauthbearertoken",
                "name", "Company SCIM token",
                "description", "Authorization: Bearer <token>; a company administrator creates the token with"
                        + " POST /api/v1/companies/{companyId}/scim-tokens",
                "primary", true)));
        config.put("meta", Map.of("resourceType", "ServiceProviderConfig", "location", absolute("/ServiceProviderConfig")));
        return config;
    }

    Map<String, Object> userResourceType() {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ResourceType"));
        type.put("id", "User");
        type.put("name", "User");
        type.put("endpoint", "/Users");
        type.put("description", "A person of the company's Users table");
        type.put("schema", ScimController.USER_SCHEMA);
        type.put("schemaExtensions", List.of(Map.of("schema", ScimController.ROSTER_USER_SCHEMA, "required", false)));
        type.put("meta", Map.of("resourceType", "ResourceType", "location", absolute("/ResourceTypes/User")));
        return type;
    }

    Map<String, Object> groupResourceType() {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ResourceType"));
        type.put("id", "Group");
        type.put("name", "Group");
        type.put("endpoint", "/Groups");
        type.put("description", "A role of the company, built-in or custom: its members hold it");
        type.put("schema", ScimGroupsController.GROUP_SCHEMA);
        type.put("meta", Map.of("resourceType", "ResourceType", "location", absolute("/ResourceTypes/Group")));
        return type;
    }

    Map<String, Object> groupSchema() {
        Map<String, Object> members = complex("members", List.of(
                attribute("value", "string", false, false, "immutable", "none", "The id of a User of the company"),
                attribute("$ref", "reference", false, false, "immutable", "none", "The URI of that User"),
                attribute("type", "string", false, false, "immutable", "none", "User (groups do not nest)")));
        members.put("multiValued", true);
        return schema(ScimGroupsController.GROUP_SCHEMA, "Group", "A role of the company", List.of(
                attribute("displayName", "string", true, false, "readWrite", "server",
                        "The role's name; a built-in role's name cannot change"),
                members));
    }

    /** An absolute URI under {@code /scim/v2}, from the request's own address (RFC 7643 §3.1 {@code meta.location}). */
    static String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").path(path).build().toUriString();
    }

    Map<String, Object> userSchema() {
        return schema(ScimController.USER_SCHEMA, "User", "A person of the company", List.of(
                attribute("userName", "string", true, false, "readWrite", "server",
                        "The Roster userId: 3 to 64 of a-z 0-9 . _ - @ +, kept lower-case"),
                attribute("externalId", "string", false, false, "readWrite", "none",
                        "The directory's own identifier of the person, kept as sent"),
                complex("name", List.of(
                        attribute("givenName", "string", false, false, "readWrite", "none", "First name"),
                        attribute("familyName", "string", false, false, "readWrite", "none", "Last name"))),
                complex("emails", List.of(
                        attribute("value", "string", false, false, "readWrite", "server", "The email address"),
                        attribute("type", "string", false, false, "readWrite", "none", "work"),
                        attribute("primary", "boolean", false, false, "readWrite", "none", "Always true"))),
                attribute("active", "boolean", false, false, "readWrite", "none",
                        "True when the user is ACTIVE (holds a license)")));
    }

    Map<String, Object> rosterUserSchema() {
        return schema(ScimController.ROSTER_USER_SCHEMA, "RosterUser", "What the Users table says of the row", List.of(
                attribute("status", "string", false, false, "readOnly", "none", "DRAFT, ACTIVE or INACTIVE"),
                attribute("external", "boolean", false, false, "readOnly", "none",
                        "True for a user of another company: read-only here"),
                attribute("validationResult", "string", false, false, "readOnly", "none",
                        "Why a row is still DRAFT (e.g. no free license)")));
    }

    Map<String, Object> listOf(List<Map<String, Object>> resources) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("schemas", List.of(LIST_SCHEMA));
        list.put("totalResults", resources.size());
        list.put("startIndex", 1);
        list.put("itemsPerPage", resources.size());
        list.put("Resources", resources);
        return list;
    }

    private static Map<String, Object> schema(String id, String name, String description, List<Map<String, Object>> attributes) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:Schema"));
        schema.put("id", id);
        schema.put("name", name);
        schema.put("description", description);
        schema.put("attributes", attributes);
        schema.put("meta", Map.of("resourceType", "Schema", "location", absolute("/Schemas/" + id)));
        return schema;
    }

    private static Map<String, Object> attribute(String name, String type, boolean required, boolean multiValued,
            String mutability, String uniqueness, String description) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("name", name);
        attribute.put("type", type);
        attribute.put("multiValued", multiValued);
        attribute.put("description", description);
        attribute.put("required", required);
        attribute.put("caseExact", false);
        attribute.put("mutability", mutability);
        attribute.put("returned", "default");
        attribute.put("uniqueness", uniqueness);
        return attribute;
    }

    private static Map<String, Object> complex(String name, List<Map<String, Object>> subAttributes) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("name", name);
        attribute.put("type", "complex");
        attribute.put("multiValued", name.equals("emails"));
        attribute.put("required", false);
        attribute.put("mutability", "readWrite");
        attribute.put("returned", "default");
        attribute.put("subAttributes", subAttributes);
        return attribute;
    }
}
