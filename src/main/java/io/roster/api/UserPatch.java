package io.roster.api;

import io.roster.shared.FieldError;
import io.roster.shared.FieldErrors;
import io.roster.shared.PlainText;
import io.roster.shared.Problems;
import io.roster.users.UserEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads a PATCH body: only editable fields; naming an immutable one is a 422, an unknown one a 400. */
final class UserPatch {

    private static final Set<String> EDITABLE = Set.of("userId", "firstName", "lastName", "email");
    private static final Set<String> IMMUTABLE = Set.of("id", "external", "validationResult", "status",
            "emailVerified", "roles", "createdAt", "updatedAt");

    private UserPatch() {
    }

    static UserEdit parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Problems.InvalidInput("The body must be a JSON object of the fields to change", List.of()).coded("PATCH_NOT_OBJECT");
        }
        List<FieldError> immutable = new ArrayList<>();
        FieldErrors invalid = new FieldErrors();
        for (String field : body.propertyNames()) {
            if (IMMUTABLE.contains(field)) {
                immutable.add(new FieldError(field, "cannot be changed here" + hint(field)));
            } else if (!EDITABLE.contains(field)) {
                invalid.add(field, "is not a field of a user");
            } else if (!body.get(field).isString() && !body.get(field).isNull()) {
                invalid.add(field, "must be a string");
            } else if (body.get(field).isString() && !PlainText.isPlain(body.get(field).asString())) {
                invalid.add(field, PlainText.MESSAGE);
            }
        }
        if (!immutable.isEmpty()) {
            throw new Problems.Unprocessable("These fields cannot be changed: "
                    + String.join(", ", immutable.stream().map(FieldError::field).toList()), immutable);
        }
        invalid.throwIfAny();
        return new UserEdit(text(body, "userId"), text(body, "firstName"), text(body, "lastName"), text(body, "email"));
    }

    private static String hint(String field) {
        return switch (field) {
            case "status" -> ": use /activate or /deactivate";
            case "roles" -> ": use /roles";
            default -> "";
        };
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
