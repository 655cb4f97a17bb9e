package io.roster.api;

import io.roster.shared.Problems;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A SCIM PATCH of a User (RFC 7644 §3.5.2) as Entra ID and Okta send it: op names in any case
 * ({@code "Replace"}), booleans as strings ({@code "False"}), a path with a filter
 * ({@code emails[type eq "work"].value}), or no path and an object whose keys may be dotted
 * ({@code {"name.givenName": "Ada", "active": false}}). Applied to what SCIM carries of the row.
 */
final class ScimPatch {

    static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimPatch() {
    }

    static ScimUser apply(ScimUser user, JsonNode body) {
        JsonNode operations = body == null ? null : body.get("Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw Problems.InvalidInput.of("Operations", "must list at least one operation");
        }
        ScimUser result = user;
        for (JsonNode operation : operations) {
            String op = operation.path("op").asString("").toLowerCase(Locale.ROOT);
            if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
                throw Problems.InvalidInput.of("op", "must be add, replace or remove");
            }
            JsonNode path = operation.get("path");
            JsonNode value = op.equals("remove") ? null : operation.get("value");
            if (path != null && !path.isNull()) {
                result = set(result, path.asString(), value);
            } else if (value != null && value.isObject()) {
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    result = set(result, field.getKey(), field.getValue());
                }
            } else {
                throw Problems.InvalidInput.of("path", "an operation without a path needs an object value");
            }
        }
        return result;
    }

    /** One attribute set (or cleared, with a null value); unknown attributes are refused, not ignored. */
    private static ScimUser set(ScimUser user, String rawPath, JsonNode value) {
        String path = rawPath.trim().toLowerCase(Locale.ROOT)
                .replace("urn:ietf:params:scim:schemas:core:2.0:user:", "")
                .replaceAll("\\[\\s*type\\s+eq\\s+\"work\"\\s*]", "[type eq \"work\"]")
                .replaceAll("\\[\\s*primary\\s+eq\\s+true\\s*]", "[primary eq true]");
        String text = value == null || value.isNull() || value.isContainer() ? null : value.asString();
        return switch (path) {
            case "username" -> new ScimUser(text == null ? null : text.trim().toLowerCase(Locale.ROOT), user.externalId(),
                    user.givenName(), user.familyName(), user.email(), user.active());
            case "externalid" -> new ScimUser(user.userName(), text, user.givenName(), user.familyName(), user.email(),
                    user.active());
            case "name.givenname" -> new ScimUser(user.userName(), user.externalId(), text, user.familyName(), user.email(),
                    user.active());
            case "name.familyname" -> new ScimUser(user.userName(), user.externalId(), user.givenName(), text, user.email(),
                    user.active());
            case "name" -> new ScimUser(user.userName(), user.externalId(), textOf(value, "givenName", user.givenName()),
                    textOf(value, "familyName", user.familyName()), user.email(), user.active());
            case "emails[type eq \"work\"].value", "emails[primary eq true].value", "emails.value" ->
                    new ScimUser(user.userName(), user.externalId(), user.givenName(), user.familyName(), text, user.active());
            case "emails" -> new ScimUser(user.userName(), user.externalId(), user.givenName(), user.familyName(),
                    ScimUser.emailOf(value), user.active());
            case "active" -> new ScimUser(user.userName(), user.externalId(), user.givenName(), user.familyName(),
                    user.email(), ScimUser.active(value));
            // what Roster does not keep: accepted and ignored, as directories send them on every update
            case "displayname", "name.formatted", "title", "preferredlanguage", "locale", "timezone", "nickname" -> user;
            default -> throw Problems.InvalidInput.of("path", "cannot patch '" + rawPath + "'");
        };
    }

    private static String textOf(JsonNode object, String field, String otherwise) {
        if (object == null || !object.isObject() || !object.has(field)) {
            return otherwise;
        }
        JsonNode value = object.get(field);
        return value.isNull() ? null : value.asString();
    }
}
