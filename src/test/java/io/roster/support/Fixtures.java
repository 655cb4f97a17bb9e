package io.roster.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Makes tenants and users through the API, with unique names so tests never collide. */
public final class Fixtures {

    private final Api operator;

    public Fixtures(Api operator) {
        this.operator = operator;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String partner() {
        return created(operator.post("/api/v1/partners", Map.of("name", unique("Partner"))));
    }

    public String company(int licenses) {
        return created(operator.post("/api/v1/companies",
                Map.of("name", unique("Company"), "slug", unique("co"), "licensesPurchased", licenses)));
    }

    public String companyOf(String partnerId, int licenses) {
        return created(operator.post("/api/v1/companies", Map.of("name", unique("Client"), "slug", unique("client"),
                "licensesPurchased", licenses, "partnerId", partnerId)));
    }

    /** A request body for a complete, valid user; the handle is unique platform-wide. */
    public static Map<String, Object> validUser(String status) {
        String handle = unique("user").toLowerCase();
        return Map.of("userId", handle, "firstName", "Jeanne", "lastName", "Binoche",
                "email", handle + "@example.com", "status", status);
    }

    /** A copy of {@code body} with some fields replaced or added: {@code with(body, "status", "DRAFT")}. */
    public static Map<String, Object> with(Map<String, Object> body, Object... fieldsAndValues) {
        Map<String, Object> copy = new HashMap<>(body);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            copy.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return copy;
    }

    /** A complete user who can sign in at once: a password of the policy and a verified email. */
    public static Map<String, Object> userWithPassword(String status, String password) {
        // a role somewhere: without one nobody may sign in (docs/rules.md §13)
        return with(validUser(status), "password", password, "emailVerified", true, "roles", java.util.List.of("MEMBER"));
    }

    public Api.Response createUser(String companyId, Map<String, Object> body) {
        return operator.post("/api/v1/companies/" + companyId + "/users", body);
    }

    private static String created(Api.Response response) {
        if (response.status() != 201) {
            throw new AssertionError("expected 201, got " + response);
        }
        return response.text("id");
    }
}
