package io.roster.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One thing that keeps a row from being activated: a code and its parameters (e.g. NO_LICENSE, used and purchased). */
public record ValidationProblem(ValidationCode code, Map<String, String> params) {

    public ValidationProblem {
        Objects.requireNonNull(code, "code");
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : code.parameters()) {
            String value = params == null ? null : params.get(name);
            ordered.put(name, value == null ? "" : value);
        }
        params = java.util.Collections.unmodifiableMap(ordered);
    }

    public static ValidationProblem of(ValidationCode code) {
        return new ValidationProblem(code, Map.of());
    }

    public static ValidationProblem noLicense(int used, int purchased) {
        return new ValidationProblem(ValidationCode.NO_LICENSE,
                Map.of("used", String.valueOf(used), "purchased", String.valueOf(purchased)));
    }

    public static ValidationProblem licenseAvailable(int used, int purchased) {
        return new ValidationProblem(ValidationCode.LICENSE_AVAILABLE,
                Map.of("used", String.valueOf(used), "purchased", String.valueOf(purchased)));
    }

    public static ValidationProblem waiting(int position) {
        return new ValidationProblem(ValidationCode.WAITING_FOR_LICENSE, Map.of("position", String.valueOf(position)));
    }

    /** Text that matches no code (a result written in words before codes existed). */
    public static ValidationProblem text(String text) {
        return new ValidationProblem(ValidationCode.TEXT, Map.of("text", text));
    }

    /**
     * The refusal of a request's field: its code and parameters travel with it, so each adapter
     * words it in its reader's language; the message is the code, for logs.
     */
    public io.roster.shared.FieldError asFieldError(String field) {
        return new io.roster.shared.FieldError(field, code.name(), code.name(), arguments());
    }

    /** The message arguments, in the order of {@link ValidationCode#parameters()}. */
    public Object[] arguments() {
        List<Object> arguments = new ArrayList<>();
        for (String name : code.parameters()) {
            String value = params.get(name);
            // figures as written (2501, not "2,501"): a count of licenses reads the same in every language
            arguments.add(value);
        }
        return arguments.toArray();
    }
}
