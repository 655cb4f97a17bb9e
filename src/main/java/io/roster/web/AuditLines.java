package io.roster.web;

import io.roster.audit.AuditEntry;
import io.roster.shared.CompanyId;
import io.roster.users.Accounts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit entries as a person reads them: who acted and whom it touched by name (from the users
 * module, one query a page; a deleted account keeps the user ID the entry recorded), the action in
 * words, and the before → after as a list of changed fields, each in words, role ids as role names.
 */
@Component
class AuditLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Fields whose values are role ids. */
    private static final Set<String> ROLE_FIELDS = Set.of("roleId", "roles");

    private final Accounts accounts;
    private final RoleLabels roleLabels;
    private final MessageSource messages;

    AuditLines(Accounts accounts, RoleLabels roleLabels, MessageSource messages) {
        this.accounts = accounts;
        this.roleLabels = roleLabels;
        this.messages = messages;
    }

    /** One entry: its actor's and target's names, its action in words, its changed fields. */
    record Line(AuditEntry entry, String when, String actor, String action, String target, List<Change> changes) {
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    /** One field that changed (or was set, or cleared): its label, and its value before and after. */
    record Change(String field, String before, String after) {
    }

    List<Line> of(CompanyId company, List<AuditEntry> entries, Locale locale) {
        Set<String> accountIds = new HashSet<>();
        for (AuditEntry entry : entries) {
            if (entry.actorAccountId() != null) {
                accountIds.add(entry.actorAccountId());
            }
            if ("user".equals(entry.targetType()) && entry.targetId() != null) {
                accountIds.add(entry.targetId());
            }
        }
        Map<String, Accounts.Profile> people = accounts.profiles(accountIds).stream()
                .collect(Collectors.toMap(Accounts.Profile::accountId, Function.identity(), (a, b) -> a));
        Map<String, String> roles = roleLabels.of(company, locale);
        List<Line> lines = new ArrayList<>();
        for (AuditEntry entry : entries) {
            String actor = entry.actorAccountId() == null ? null
                    : name(people.get(entry.actorAccountId()), entry.actorUserId());
            String target = switch (String.valueOf(entry.targetType())) {
                case "user" -> name(people.get(entry.targetId()), null);
                case "role" -> roles.get(entry.targetId());
                default -> null;
            };
            lines.add(new Line(entry, WHEN.format(entry.occurredAt()), actor, text("audit.action." + entry.action(), entry.action(), locale), target,
                    changes(entry.beforeJson(), entry.afterJson(), roles, locale)));
        }
        return lines;
    }

    /** "First Last (userId)", or what the entry kept of someone since deleted. */
    private static String name(Accounts.Profile profile, String recordedUserId) {
        if (profile == null) {
            return recordedUserId;
        }
        String full = ((profile.firstName() == null ? "" : profile.firstName()) + " "
                + (profile.lastName() == null ? "" : profile.lastName())).trim();
        String handle = profile.userId() != null ? profile.userId() : profile.email();
        if (full.isEmpty()) {
            return handle;
        }
        return handle == null ? full : full + " (" + handle + ")";
    }

    private List<Change> changes(String beforeJson, String afterJson, Map<String, String> roles, Locale locale) {
        Map<String, String> before = fields(beforeJson, roles);
        Map<String, String> after = fields(afterJson, roles);
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            String was = before.get(name);
            String is = after.get(name);
            // an entry with both sides lists only what differs; a creation or deletion lists all
            if (!before.isEmpty() && !after.isEmpty() && Objects.equals(was, is)) {
                continue;
            }
            changes.add(new Change(text("audit.field." + name, name, locale), was, is));
        }
        return changes;
    }

    /** The entry's JSON object as field → readable value (lists joined, role ids as names). */
    private static Map<String, String> fields(String json, Map<String, String> roles) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return fields;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException unreadable) {
            fields.put("value", json);
            return fields;
        }
        if (!root.isObject()) {
            fields.put("value", readable(root, false, roles));
            return fields;
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            fields.put(field.getKey(), readable(field.getValue(), ROLE_FIELDS.contains(field.getKey()), roles));
        }
        return fields;
    }

    private static String readable(JsonNode value, boolean roleIds, Map<String, String> roles) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(readable(item, roleIds, roles)));
            return String.join(", ", items);
        }
        if (value.isObject()) {
            return value.toString();
        }
        String text = value.asString();
        return roleIds ? roles.getOrDefault(text, text) : text;
    }

    private String text(String key, String otherwise, Locale locale) {
        return messages.getMessage(key, null, otherwise, locale);
    }
}
