package io.roster.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row's validation result (docs/rules.md §2): {@code OK}, or every problem that keeps it from
 * being activated, in the order of the form. Stored as codes with their parameters
 * ({@code EMAIL_INVALID;NO_LICENSE:used=2,purchased=2}), never as words: the words are chosen when
 * it is shown, in the reader's language ({@link ValidationTexts}).
 */
public record ValidationResult(List<ValidationProblem> problems) {

    public static final ValidationResult OK = new ValidationResult(List.of(ValidationProblem.of(ValidationCode.OK)));

    private static final Pattern CODED = Pattern.compile("([A-Z][A-Z_]*)(?::(.*))?");

    public ValidationResult {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("a validation result names at least one problem, or OK");
        }
        problems = List.copyOf(problems);
    }

    public static ValidationResult of(List<ValidationProblem> problems) {
        return new ValidationResult(problems);
    }

    public static ValidationResult of(ValidationProblem problem) {
        return new ValidationResult(List.of(problem));
    }

    /** True once activated. */
    public boolean isOk() {
        return problems.size() == 1 && problems.getFirst().code() == ValidationCode.OK;
    }

    /** The first problem's code: the one a client branches on. */
    public ValidationCode code() {
        return problems.getFirst().code();
    }

    public List<ValidationCode> codes() {
        return problems.stream().map(ValidationProblem::code).toList();
    }

    /** True when the only thing missing is a license. */
    public boolean onlyNoLicense() {
        return problems.size() == 1 && code() == ValidationCode.NO_LICENSE;
    }

    /** Each problem as {@code {code, params}}: what the API and the webhooks put beside the words. */
    public List<Map<String, Object>> asMaps() {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (ValidationProblem problem : problems) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("code", problem.code().name());
            entry.put("params", problem.params());
            maps.add(entry);
        }
        return maps;
    }

    /** The stored form, e.g. {@code FIRST_NAME_MISSING;NO_LICENSE:used=2,purchased=2}. */
    public String encode() {
        List<String> parts = new ArrayList<>();
        for (ValidationProblem problem : problems) {
            if (problem.code() == ValidationCode.TEXT) {
                parts.add(problem.params().get("text"));
                continue;
            }
            StringBuilder part = new StringBuilder(problem.code().name());
            String separator = ":";
            for (Map.Entry<String, String> param : problem.params().entrySet()) {
                part.append(separator).append(param.getKey()).append('=').append(escape(param.getValue()));
                separator = ",";
            }
            parts.add(part.toString());
        }
        return String.join(";", parts);
    }

    /**
     * Reads a stored result; null stays null (no activation tried yet). A part that is no known
     * code (words written before results were codes) is kept as {@link ValidationCode#TEXT}.
     */
    public static ValidationResult decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        List<ValidationProblem> problems = new ArrayList<>();
        for (String part : stored.split(";")) {
            if (!part.isBlank()) {
                problems.add(decodePart(part.trim()));
            }
        }
        return problems.isEmpty() ? null : new ValidationResult(problems);
    }

    private static ValidationProblem decodePart(String part) {
        Matcher coded = CODED.matcher(part);
        Optional<ValidationCode> code = coded.matches() ? known(coded.group(1)) : Optional.empty();
        if (code.isEmpty() || code.get() == ValidationCode.TEXT) {
            return ValidationProblem.text(part);
        }
        Map<String, String> params = new java.util.HashMap<>();
        if (coded.group(2) != null) {
            for (String pair : coded.group(2).split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    return ValidationProblem.text(part);
                }
                params.put(pair.substring(0, equals), unescape(pair.substring(equals + 1)));
            }
        }
        if (!code.get().parameters().containsAll(params.keySet())) {
            return ValidationProblem.text(part);
        }
        return new ValidationProblem(code.get(), params);
    }

    /** A parameter's value (a role's name, a typed status) may hold the characters of the format itself. */
    private static String escape(String value) {
        return value.replace("%", "%25").replace(";", "%3B").replace(",", "%2C").replace("=", "%3D");
    }

    private static String unescape(String value) {
        return value.replace("%3B", ";").replace("%2C", ",").replace("%3D", "=").replace("%25", "%");
    }

    private static Optional<ValidationCode> known(String name) {
        try {
            return Optional.of(ValidationCode.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return encode();
    }
}
