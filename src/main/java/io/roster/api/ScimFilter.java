package io.roster.api;

import io.roster.shared.Problems;
import io.roster.users.UserRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;

/**
 * The SCIM filters this service understands (RFC 7644 §3.4.2.2): {@code eq} on {@code userName},
 * {@code externalId}, {@code emails.value} and {@code emails[type eq "work"].value} for Users, on
 * {@code displayName} for Groups, joined by {@code and} / {@code or} ({@code and} binds tighter).
 * What directories send to find a person or a group before creating it; anything else is a 400
 * {@code invalidFilter}, never a silent "match all".
 *
 * @param anyOf the {@code or} branches, each a list of terms that must all hold
 */
record ScimFilter(List<List<Term>> anyOf) {

    static final List<String> USER_ATTRIBUTES = List.of("username", "externalid", "emails.value",
            "emails[type eq \"work\"].value");
    static final List<String> GROUP_ATTRIBUTES = List.of("displayname");

    /** One {@code attribute eq "value"}; attributes are compared case-insensitively, as their schema says. */
    record Term(String attribute, String value) {

        /** {@code values}: the resource's value of each attribute (lower-case names), null when it has none. */
        boolean matches(Map<String, String> values) {
            String actual = values.get(attribute);
            // externalId is the directory's own value: compared exactly (caseExact in RFC 7643)
            return actual != null && (attribute.equals("externalid") ? actual.equals(value) : actual.equalsIgnoreCase(value));
        }
    }

    boolean matches(Map<String, String> values) {
        return anyOf.stream().anyMatch(all -> all.stream().allMatch(term -> term.matches(values)));
    }

    /** What a User row says for each attribute a filter may name. */
    static Map<String, String> valuesOf(UserRow row, String externalId) {
        Map<String, String> values = new HashMap<>();
        values.put("username", row.userId());
        values.put("emails.value", row.email());
        values.put("emails[type eq \"work\"].value", row.email());
        values.put("externalid", externalId);
        return values;
    }

    /**
     * The terms to search by: the first of each branch (all of a branch must hold, so its first
     * must too). Each is one exact, indexed lookup.
     */
    List<Term> searchTerms() {
        return anyOf.stream().map(all -> all.get(0)).distinct().toList();
    }

    static ScimFilter parse(String text) {
        return parse(text, USER_ATTRIBUTES);
    }

    static ScimFilter parse(String text, List<String> attributes) {
        List<String> tokens = tokens(text);
        List<List<Term>> branches = new ArrayList<>();
        List<Term> current = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i + 3 > tokens.size()) {
                throw invalid(text);
            }
            String attribute = normalize(tokens.get(i));
            if (!tokens.get(i + 1).equalsIgnoreCase("eq") || !tokens.get(i + 2).startsWith("\"")) {
                throw invalid(text);
            }
            if (!attributes.contains(attribute)) {
                throw invalid(text);
            }
            current.add(new Term(attribute, unquote(tokens.get(i + 2))));
            i += 3;
            if (i == tokens.size()) {
                branches.add(current);
                return new ScimFilter(branches);
            }
            String joiner = tokens.get(i).toLowerCase(Locale.ROOT);
            if (joiner.equals("or")) {
                branches.add(current);
                current = new ArrayList<>();
            } else if (!joiner.equals("and")) {
                throw invalid(text);
            }
            i++;
        }
    }

    /** Lower-cases the attribute path, keeping the quoted value inside a bracket as it is. */
    private static String normalize(String attribute) {
        String lower = attribute.toLowerCase(Locale.ROOT).replace("urn:ietf:params:scim:schemas:core:2.0:user:", "")
                .replace("urn:ietf:params:scim:schemas:core:2.0:group:", "");
        return lower.replaceAll("\\[\\s*type\\s+eq\\s+\"work\"\\s*]", "[type eq \"work\"]");
    }

    /** Splits into attribute paths (a bracketed filter is part of its path), operators and quoted strings. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = i + 1;
                StringBuilder value = new StringBuilder("\"");
                while (end < text.length() && text.charAt(end) != '"') {
                    if (text.charAt(end) == '\\' && end + 1 < text.length()) {
                        end++;
                    }
                    value.append(text.charAt(end));
                    end++;
                }
                if (end >= text.length()) {
                    throw invalid(text);
                }
                tokens.add(value.append('"').toString());
                i = end + 1;
            } else {
                int end = i;
                int depth = 0;
                while (end < text.length() && (depth > 0 || !Character.isWhitespace(text.charAt(end)))) {
                    char d = text.charAt(end);
                    depth += d == '[' ? 1 : d == ']' ? -1 : 0;
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            }
        }
        if (tokens.isEmpty()) {
            throw invalid(text);
        }
        return tokens;
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    static Problems.InvalidInput invalid(String text) {
        return Problems.InvalidInput.of("filter", "unsupported filter '" + Objects.toString(text, "")
                + "': use eq on userName, externalId, emails.value or emails[type eq \"work\"].value (Users) or on"
                + " displayName (Groups), joined by and/or");
    }
}
