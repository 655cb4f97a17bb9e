package io.roster.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters of a SCIM read (RFC 7644 §3.9):
 * a comma-separated list of attribute paths ({@code userName}, {@code name.givenName},
 * {@code emails.value}, {@code members}, or fully qualified with their schema URN), compared
 * case-insensitively. {@code attributes} keeps those alone, {@code excludedAttributes} drops those;
 * {@code id}, {@code schemas} and {@code meta} are always returned.
 *
 * @param include the paths to keep, or empty for every default attribute
 * @param exclude the paths to drop
 */
record ScimAttributes(List<Path> include, List<Path> exclude) {

    private static final Set<String> ALWAYS = Set.of("id", "schemas", "meta");

    /** {@code top} is a top-level name (lower-case) or an extension schema URN; {@code sub} may be null. */
    record Path(String top, String sub) {
    }

    static final ScimAttributes ALL = new ScimAttributes(List.of(), List.of());

    static ScimAttributes of(String attributes, String excludedAttributes) {
        return new ScimAttributes(paths(attributes), paths(excludedAttributes));
    }

    /** Whether the resource's attribute {@code top} is returned at all: lets a reader skip what it would drop. */
    boolean wants(String top) {
        String name = top.toLowerCase(Locale.ROOT);
        if (exclude.stream().anyMatch(path -> path.top().equals(name) && path.sub() == null)) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(path -> path.top().equals(name));
    }

    Map<String, Object> apply(Map<String, Object> resource) {
        if (include.isEmpty() && exclude.isEmpty()) {
            return resource;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> attribute : resource.entrySet()) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            Object value = attribute.getValue();
            if (ALWAYS.contains(name)) {
                result.put(attribute.getKey(), value);
                continue;
            }
            if (!include.isEmpty()) {
                List<Path> wanted = include.stream().filter(path -> path.top().equals(name)).toList();
                if (wanted.isEmpty()) {
                    continue;
                }
                if (wanted.stream().noneMatch(path -> path.sub() == null)) {
                    value = keepOnly(value, wanted.stream().map(Path::sub).toList());
                }
            }
            List<Path> dropped = exclude.stream().filter(path -> path.top().equals(name)).toList();
            if (dropped.stream().anyMatch(path -> path.sub() == null)) {
                continue;
            }
            if (!dropped.isEmpty()) {
                value = drop(value, dropped.stream().map(Path::sub).toList());
            }
            result.put(attribute.getKey(), value);
        }
        return result;
    }

    /** Sub-attributes kept of a complex value, or of each item of a multi-valued one. */
    private static Object keepOnly(Object value, List<String> subs) {
        return each(value, item -> {
            Map<String, Object> kept = new LinkedHashMap<>();
            item.forEach((key, v) -> {
                if (subs.contains(key.toLowerCase(Locale.ROOT))) {
                    kept.put(key, v);
                }
            });
            return kept;
        });
    }

    private static Object drop(Object value, List<String> subs) {
        return each(value, item -> {
            Map<String, Object> kept = new LinkedHashMap<>(item);
            kept.keySet().removeIf(key -> subs.contains(key.toLowerCase(Locale.ROOT)));
            return kept;
        });
    }

    @SuppressWarnings("unchecked")
    private static Object each(Object value, java.util.function.UnaryOperator<Map<String, Object>> change) {
        if (value instanceof Map<?, ?> map) {
            return change.apply((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> changed = new ArrayList<>();
            for (Object item : list) {
                changed.add(item instanceof Map<?, ?> map ? change.apply((Map<String, Object>) map) : item);
            }
            return changed;
        }
        return value;
    }

    private static List<Path> paths(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        for (String raw : text.split(",")) {
            String path = raw.trim().toLowerCase(Locale.ROOT);
            if (path.isEmpty()) {
                continue;
            }
            paths.add(pathOf(path));
        }
        return paths;
    }

    /**
     * {@code urn:ietf:params:scim:schemas:core:2.0:User:name.givenName} is {@code name.givenName};
     * an extension's attribute ({@code urn:…:roster:2.0:User:status}) is the extension's object and
     * its attribute.
     */
    private static Path pathOf(String path) {
        for (String core : List.of("urn:ietf:params:scim:schemas:core:2.0:user:", "urn:ietf:params:scim:schemas:core:2.0:group:")) {
            if (path.startsWith(core)) {
                return pathOf(path.substring(core.length()));
            }
        }
        String extension = ScimController.ROSTER_USER_SCHEMA.toLowerCase(Locale.ROOT);
        if (path.startsWith(extension)) {
            String rest = path.substring(extension.length());
            return new Path(extension, rest.startsWith(":") && rest.length() > 1 ? rest.substring(1) : null);
        }
        int dot = path.indexOf('.');
        return dot < 0 ? new Path(path, null) : new Path(path.substring(0, dot), path.substring(dot + 1));
    }
}
