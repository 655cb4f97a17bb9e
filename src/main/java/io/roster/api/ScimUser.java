package io.roster.api;

import io.roster.shared.Problems;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What a SCIM User body says of a person, as Entra ID and Okta send it: {@code userName} (the
 * Roster userId, kept lower-case), {@code name.givenName}/{@code familyName}, the primary email (or
 * the {@code work} one, or the only one), and {@code active}, which Entra may send as the string
 * {@code "True"}/{@code "False"}; and {@code externalId}, the directory's own id, kept as sent.
 * Absent {@code active} means active (RFC 7643 leaves it to the provider; both directories send it).
 */
record ScimUser(String userName, String externalId, String givenName, String familyName, String email, boolean active) {

    static ScimUser of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problems.InvalidInput.of("body", "must be a SCIM User object");
        }
        String userName = text(body.get("userName"));
        JsonNode name = body.get("name");
        return new ScimUser(userName == null ? null : userName.trim().toLowerCase(Locale.ROOT), text(body.get("externalId")),
                name == null ? null : text(name.get("givenName")), name == null ? null : text(name.get("familyName")),
                emailOf(body.get("emails")), active(body.get("active")));
    }

    static String emailOf(JsonNode emails) {
        if (emails == null || !emails.isArray() || emails.isEmpty()) {
            return null;
        }
        JsonNode work = null;
        for (JsonNode email : emails) {
            if (email.path("primary").asBoolean(false) || "true".equalsIgnoreCase(text(email.get("primary")))) {
                return text(email.get("value"));
            }
            if (work == null && "work".equalsIgnoreCase(text(email.get("type")))) {
                work = email;
            }
        }
        return text((work != null ? work : emails.get(0)).get("value"));
    }

    static boolean active(JsonNode active) {
        if (active == null || active.isNull()) {
            return true;
        }
        if (active.isBoolean()) {
            return active.asBoolean();
        }
        String text = text(active);
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if ("false".equalsIgnoreCase(text)) {
            return false;
        }
        throw Problems.InvalidInput.of("active", "must be true or false");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainer() ? null : node.asString();
    }
}
