package io.roster.api;

import io.roster.access.CompanyAccess;
import io.roster.access.DirectoryGroups;
import io.roster.access.DirectoryGroups.Kind;
import io.roster.access.DirectoryGroups.Membership;
import io.roster.access.Guard;
import io.roster.access.Role;
import io.roster.access.RoleAssignments;
import io.roster.access.Roles;
import io.roster.access.ScimClient;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * SCIM Groups (RFC 7643 §4.2) are the company's roles, built-in and custom: a member holds the role.
 * A new Group is a custom role with no permission; a built-in role keeps its name and cannot be
 * deleted (400 {@code mutability}). The company is the SCIM token's, as for Users. Members are
 * read from the role's holders, and {@code excludedAttributes=members} (as Entra ID sends) skips
 * reading them.
 */
@RestController
@RequestMapping(path = "/scim/v2/Groups", produces = {"application/scim+json", "application/json"})
class ScimGroupsController {

    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static final int MAX_COUNT = 200;
    /** Okta's way to remove one member: {@code members[value eq "2819c223…"]}. */
    private static final Pattern MEMBER_BY_VALUE = Pattern.compile("members\\[\\s*value\\s+eq\\s+\"([^\"]*)\"\\s*]",
            Pattern.CASE_INSENSITIVE);

    private final Guard guard;
    private final Roles roles;
    private final RoleAssignments assignments;
    private final DirectoryGroups groups;

    ScimGroupsController(Guard guard, Roles roles, RoleAssignments assignments, DirectoryGroups groups) {
        this.guard = guard;
        this.roles = roles;
        this.assignments = assignments;
        this.groups = groups;
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> group(@AuthenticationPrincipal ScimClient client, @PathVariable String id,
            @RequestParam(required = false) String attributes, @RequestParam(required = false) String excludedAttributes) {
        CompanyId company = guard.directory(client).company();
        ScimAttributes projection = ScimAttributes.of(attributes, excludedAttributes);
        return ok(200, projection.apply(toScim(company, role(company, id), projection.wants("members"))));
    }

    /** The company's roles, filtered by {@code displayName eq} or not, {@code count} at a time from {@code startIndex}. */
    @GetMapping
    ResponseEntity<Map<String, Object>> groups(@AuthenticationPrincipal ScimClient client,
            @RequestParam(required = false) String filter, @RequestParam(required = false) Integer startIndex,
            @RequestParam(required = false) Integer count, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        CompanyId company = guard.directory(client).company();
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? MAX_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        ScimFilter parsed = filter == null || filter.isBlank() ? null : ScimFilter.parse(filter, ScimFilter.GROUP_ATTRIBUTES);
        List<Role> matches = roles.of(company).stream()
                .filter(role -> parsed == null || parsed.matches(Map.of("displayname", role.name())))
                .toList();
        ScimAttributes projection = ScimAttributes.of(attributes, excludedAttributes);
        List<Map<String, Object>> page = matches.stream().skip(start - 1L).limit(size)
                .map(role -> projection.apply(toScim(company, role, projection.wants("members")))).toList();
        return ResponseEntity.ok().contentType(ScimErrors.SCIM_JSON).body(ScimController.listOf(page, matches.size(), start));
    }

    /** A new custom role with no permission, named by {@code displayName}, held by its {@code members}. */
    @PostMapping(consumes = {"application/scim+json", "application/json"})
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal ScimClient client, @RequestBody JsonNode body) {
        CompanyAccess access = guard.directory(client);
        Role role = groups.create(access, displayName(body), memberIds(body.get("members")));
        return ok(201, toScim(access.company(), role, true));
    }

    /** Replaces the name (custom roles) and the whole list of members: one absent is no member. */
    @PutMapping(path = "/{id}", consumes = {"application/scim+json", "application/json"})
    ResponseEntity<Map<String, Object>> replace(@AuthenticationPrincipal ScimClient client, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
        CompanyAccess access = guard.directory(client);
        Role role = groups.change(access, id, ScimVersions.named(ifMatch), displayName(body),
                List.of(new Membership(Kind.REPLACE, memberIds(body.get("members")))));
        return ok(200, toScim(access.company(), role, true));
    }

    /**
     * Changes members or the name (RFC 7644 §3.5.2), as Entra ID and Okta send it: {@code add} /
     * {@code remove} of {@code members} with a value list, {@code remove} of
     * {@code members[value eq "…"]}, {@code replace} of {@code members} or {@code displayName}, or
     * a path-less {@code replace} whose object holds them; op names in any case.
     */
    @PatchMapping(path = "/{id}", consumes = {"application/scim+json", "application/json"})
    ResponseEntity<Map<String, Object>> patch(@AuthenticationPrincipal ScimClient client, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
        CompanyAccess access = guard.directory(client);
        role(access.company(), id);
        JsonNode operations = body == null ? null : body.get("Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw Problems.InvalidInput.of("Operations", "must list at least one operation");
        }
        String rename = null;
        List<Membership> steps = new ArrayList<>();
        for (JsonNode operation : operations) {
            String op = operation.path("op").asString("").toLowerCase(Locale.ROOT);
            if (!List.of("add", "remove", "replace").contains(op)) {
                throw Problems.InvalidInput.of("op", "must be add, replace or remove");
            }
            JsonNode path = operation.get("path");
            JsonNode value = operation.get("value");
            if (path == null || path.isNull() || path.asString("").isBlank()) {
                if (op.equals("remove") || value == null || !value.isObject()) {
                    throw new ScimErrors.Refusal(400, "noTarget", "An operation without a path needs an object value");
                }
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    rename = step(op, field.getKey(), field.getValue(), steps, rename);
                }
            } else {
                rename = step(op, path.asString().trim(), value, steps, rename);
            }
        }
        Role role = groups.change(access, id, ScimVersions.named(ifMatch), rename, steps);
        return ok(200, toScim(access.company(), role, true));
    }

    /** One attribute of a PATCH: a member step is added to {@code steps}; the new name, if any, is answered. */
    private static String step(String op, String path, JsonNode value, List<Membership> steps, String rename) {
        Matcher byValue = MEMBER_BY_VALUE.matcher(path);
        String name = path.toLowerCase(Locale.ROOT).replace(GROUP_SCHEMA.toLowerCase(Locale.ROOT) + ":", "");
        if (byValue.matches()) {
            if (!op.equals("remove")) {
                throw new ScimErrors.Refusal(400, "invalidPath", "members[value eq \"…\"] can only be removed");
            }
            steps.add(new Membership(Kind.REMOVE, List.of(byValue.group(1))));
            return rename;
        }
        switch (name) {
            case "members" -> {
                if (op.equals("remove") && (value == null || value.isNull())) {
                    steps.add(new Membership(Kind.REMOVE_ALL, List.of()));
                } else {
                    Kind kind = switch (op) {
                        case "add" -> Kind.ADD;
                        case "remove" -> Kind.REMOVE;
                        default -> Kind.REPLACE;
                    };
                    steps.add(new Membership(kind, memberIds(value)));
                }
                return rename;
            }
            case "displayname" -> {
                if (op.equals("remove") || value == null || value.isNull() || value.isContainer()) {
                    throw new ScimErrors.Refusal(400, "mutability", "displayName is required: it cannot be removed");
                }
                return value.asString();
            }
            // the directory's own identifiers of the group: not kept
            case "externalid", "id" -> {
                return rename;
            }
            default -> throw new ScimErrors.Refusal(400, "invalidPath", "cannot patch '" + path + "' of a Group");
        }
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ScimClient client, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CompanyAccess access = guard.directory(client);
        groups.delete(access, id, ScimVersions.named(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private Role role(CompanyId company, String id) {
        return roles.find(company, id).orElseThrow(() -> new Problems.NotFound("No group " + id + " in this company"));
    }

    private static String displayName(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problems.InvalidInput.of("body", "must be a SCIM Group object");
        }
        JsonNode name = body.get("displayName");
        if (name == null || name.isNull() || name.isContainer() || name.asString().isBlank()) {
            throw Problems.InvalidInput.of("displayName", "is required");
        }
        return name.asString();
    }

    /** The ids of {@code [{"value": "…"}, …]}; a nested group is refused (400): roles do not nest. */
    private static List<String> memberIds(JsonNode members) {
        List<String> ids = new ArrayList<>();
        if (members == null || members.isNull()) {
            return ids;
        }
        for (JsonNode member : members.isArray() ? members : List.of(members)) {
            JsonNode value = member.get("value");
            if (value == null || value.isNull() || value.isContainer() || value.asString().isBlank()) {
                throw Problems.InvalidInput.of("members", "each member needs a value: the id of a User");
            }
            if (member.has("type") && member.get("type").asString("").equalsIgnoreCase("Group")) {
                throw Problems.InvalidInput.of("members", "a group cannot be a member of a group");
            }
            ids.add(value.asString());
        }
        return ids;
    }

    /** The Group with its version as the ETag header (a projection keeps {@code meta}: it is always returned). */
    private static ResponseEntity<Map<String, Object>> ok(int status, Map<String, Object> group) {
        var response = ResponseEntity.status(status).contentType(ScimErrors.SCIM_JSON);
        Object version = group.get("meta") instanceof Map<?, ?> meta ? meta.get("version") : null;
        if (version != null) {
            response = response.eTag((String) version);
        }
        if (status == 201) {
            response = response.location(URI.create((String) ((Map<?, ?>) group.get("meta")).get("location")));
        }
        return response.body(group);
    }

    private Map<String, Object> toScim(CompanyId company, Role role, boolean withMembers) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("schemas", List.of(GROUP_SCHEMA));
        group.put("id", role.id());
        group.put("displayName", role.name());
        // read even when members are not wanted: the version is a digest of them
        List<String> holders = assignments.holders(company, role.id());
        if (withMembers) {
            List<Map<String, Object>> members = new ArrayList<>();
            String users = ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2/Users/").toUriString();
            for (String accountId : holders) {
                members.add(Map.of("value", accountId, "$ref", users + accountId, "type", "User"));
            }
            group.put("members", members);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", "Group");
        meta.put("location", ScimDocuments.absolute("/Groups/" + role.id()));
        meta.put("version", ScimVersions.weak(DirectoryGroups.versionOf(role, holders)));
        group.put("meta", meta);
        return group;
    }
}
