package io.roster.api;

import io.roster.access.BuiltInRole;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.ProvisioningSettings;
import io.roster.access.ScimClient;
import io.roster.access.UserCreation;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.users.ActivationOutcome;
import io.roster.users.DirectoryReads;
import io.roster.users.ExternalIds;
import io.roster.users.NewUser;
import io.roster.users.UserEdit;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import io.roster.users.UserStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * SCIM 2.0 (RFC 7643/7644) for a company's directory. The security chain admits only a company SCIM
 * token, whose {@link ScimClient} names the company: every read and change here is of that company,
 * which is the whole authorization (a directory never sees another company).
 *
 * <p>This controller serves discovery and Users (GET, filter, POST, PUT, PATCH, DELETE);
 * {@link ScimGroupsController} serves Groups, the company's roles.
 */
@RestController
@RequestMapping(path = "/scim/v2", produces = {"application/scim+json", "application/json"})
class ScimController {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ROSTER_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";

    private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final int MAX_COUNT = 200;

    private final UserLifecycle users;
    private final DirectoryReads reads;
    private final UserCreation creation;
    private final Guard guard;
    private final ExternalIds externalIds;
    private final ScimDocuments documents;
    private final ProvisioningSettings settings;

    private final ApiWording words;

    ScimController(UserLifecycle users, DirectoryReads reads, UserCreation creation, Guard guard, ExternalIds externalIds,
            ScimDocuments documents, ProvisioningSettings settings, ApiWording words) {
        this.words = words;
        this.users = users;
        this.reads = reads;
        this.externalIds = externalIds;
        this.creation = creation;
        this.guard = guard;
        this.documents = documents;
        this.settings = settings;
    }

    @GetMapping("/ServiceProviderConfig")
    Map<String, Object> serviceProviderConfig() {
        return documents.serviceProviderConfig();
    }

    @GetMapping("/ResourceTypes")
    Map<String, Object> resourceTypes() {
        return documents.listOf(List.of(documents.userResourceType(), documents.groupResourceType()));
    }

    @GetMapping("/ResourceTypes/{id}")
    Map<String, Object> resourceType(@PathVariable String id) {
        return switch (id) {
            case "User" -> documents.userResourceType();
            case "Group" -> documents.groupResourceType();
            default -> throw new Problems.NotFound("No resource type " + id);
        };
    }

    @GetMapping("/Schemas")
    Map<String, Object> schemas() {
        return documents.listOf(List.of(documents.userSchema(), documents.rosterUserSchema(), documents.groupSchema()));
    }

    @GetMapping("/Schemas/{id}")
    Map<String, Object> schema(@PathVariable String id) {
        return switch (id) {
            case USER_SCHEMA -> documents.userSchema();
            case ROSTER_USER_SCHEMA -> documents.rosterUserSchema();
            case ScimGroupsController.GROUP_SCHEMA -> documents.groupSchema();
            default -> throw new Problems.NotFound("No schema " + id);
        };
    }

    @GetMapping("/Users/{id}")
    ResponseEntity<Map<String, Object>> user(@AuthenticationPrincipal ScimClient client, @PathVariable String id,
            @RequestParam(required = false) String attributes, @RequestParam(required = false) String excludedAttributes) {
        CompanyAccess access = guard.directory(client);
        UserRow row = users.row(access.company(), id);
        return ResponseEntity.ok().eTag(weak(row)).contentType(ScimErrors.SCIM_JSON)
                .body(ScimAttributes.of(attributes, excludedAttributes).apply(toScim(row)));
    }

    /**
     * The company's own people, filtered or not, {@code count} at a time from {@code startIndex}
     * (1-based). A filter looks each term up exactly (one index probe), then keeps the rows the
     * whole filter matches; without one, the page is read from the database by offset, in a stable
     * order, and {@code totalResults} is a count.
     */
    @GetMapping("/Users")
    ResponseEntity<Map<String, Object>> users(@AuthenticationPrincipal ScimClient client,
            @RequestParam(required = false) String filter, @RequestParam(required = false) Integer startIndex,
            @RequestParam(required = false) Integer count, @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes) {
        CompanyId company = guard.directory(client).company();
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? MAX_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        ScimAttributes projection = ScimAttributes.of(attributes, excludedAttributes);
        long total;
        List<UserRow> page;
        if (filter == null || filter.isBlank()) {
            total = reads.count(company);
            page = reads.page(company, start - 1L, size);
        } else {
            List<UserRow> matches = search(company, ScimFilter.parse(filter));
            total = matches.size();
            page = matches.stream().skip(start - 1L).limit(size).toList();
        }
        return ResponseEntity.ok().contentType(ScimErrors.SCIM_JSON)
                .body(listOf(page.stream().map(row -> projection.apply(toScim(row))).toList(), total, start));
    }

    static Map<String, Object> listOf(List<Map<String, Object>> resources, long total, int start) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("schemas", List.of(LIST_SCHEMA));
        list.put("totalResults", total);
        list.put("startIndex", start);
        list.put("itemsPerPage", resources.size());
        list.put("Resources", resources);
        return list;
    }

    /**
     * Creates a row through the one creation path, with the company's role for provisioned people
     * (MEMBER unless changed) so the person can sign in, and its externalId, all in one transaction.
     * {@code active: true} activates it (mailing the invitation unless the company turned that off);
     * without a free license it stays DRAFT, is answered {@code active: false}, and its Roster
     * extension says why. A userName or email already held — by an account, or by a row of the
     * company in any status, DRAFTs included — is a 409 {@code uniqueness}, found before anything is
     * saved, so a directory retrying does not pile up drafts.
     */
    @PostMapping(path = "/Users", consumes = {"application/scim+json", "application/json"})
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal ScimClient client, @RequestBody JsonNode body) {
        CompanyAccess access = guard.directory(client);
        ScimUser user = ScimUser.of(body);
        ExternalIds.check(user.externalId());
        reads.taken(access.company(), user.userName(), user.email()).ifPresent(field -> {
            throw new Problems.Conflict("taken", (field.equals("userId") ? "userName" : "email") + " is already taken");
        });
        NewUser row = new NewUser(user.userName(), user.givenName(), user.familyName(), user.email(),
                user.active() ? UserStatus.ACTIVE : UserStatus.DRAFT, false, null, null, true, true);
        ProvisioningSettings.Settings chosen = settings.of(access.company());
        ActivationOutcome outcome = creation.create(access, row, List.of(chosen.defaultRoleId()), chosen.inviteProvisioned(),
                accountId -> externalIds.keep(access.company(), accountId, user.externalId()));
        return answer(201, users.row(access.company(), outcome.row().id()));
    }

    /**
     * Replaces what SCIM carries of a row: userName (while DRAFT), names, email, and {@code active}
     * (activation, or deactivation which frees the license). {@code If-Match} must name the current
     * version when sent (412 otherwise). External users are read-only (403).
     */
    @PutMapping(path = "/Users/{id}", consumes = {"application/scim+json", "application/json"})
    ResponseEntity<Map<String, Object>> replace(@AuthenticationPrincipal ScimClient client, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
        CompanyAccess access = guard.directory(client);
        return answer(200, change(access, id, ScimUser.of(body), version(ifMatch)));
    }

    /**
     * Changes some attributes (RFC 7644 §3.5.2), in the shapes Entra ID and Okta send
     * ({@link ScimPatch}); the result is saved as a PUT of it would be.
     */
    @PatchMapping(path = "/Users/{id}", consumes = {"application/scim+json", "application/json"})
    ResponseEntity<Map<String, Object>> patch(@AuthenticationPrincipal ScimClient client, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
        CompanyAccess access = guard.directory(client);
        UserRow row = users.row(access.company(), id);
        ScimUser current = new ScimUser(row.userId(), row.external() ? null
                : externalIds.of(access.company(), id).orElse(null), row.firstName(), row.lastName(), row.email(),
                row.status() == UserStatus.ACTIVE);
        Long expected = version(ifMatch);
        return answer(200, change(access, id, ScimPatch.apply(current, body), expected == null ? row.version() : expected));
    }

    /**
     * Saves what SCIM carries of a row: fields and externalId together (one transaction), then
     * activation or deactivation.
     */
    private UserRow change(CompanyAccess access, String id, ScimUser user, Long expectedVersion) {
        UserRow row = users.edit(access.company(), id,
                new UserEdit(user.userName(), user.givenName(), user.familyName(), user.email()), expectedVersion,
                user.externalId());
        if (user.active() && row.status() != UserStatus.ACTIVE) {
            row = users.activate(access.company(), id, settings.of(access.company()).inviteProvisioned()).row();
        } else if (!user.active() && row.status() == UserStatus.ACTIVE) {
            row = users.deactivate(access.company(), id);
        }
        return row;
    }

    /** Deactivation (which frees the license) then deletion, each audited as itself. */
    @DeleteMapping("/Users/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ScimClient client, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CompanyAccess access = guard.directory(client);
        UserRow row = users.row(access.company(), id);
        Long expected = version(ifMatch);
        if (expected != null && expected != row.version()) {
            throw new Problems.PreconditionFailed("The user was changed since you read it (ETag " + weak(row) + ")");
        }
        if (row.status() == UserStatus.ACTIVE) {
            users.deactivate(access.company(), id);
        }
        users.delete(access.company(), id, null);
        return ResponseEntity.noContent().build();
    }

    /** Each search term is one exact lookup; the union is then checked against the whole filter. */
    private List<UserRow> search(CompanyId company, ScimFilter filter) {
        Map<String, UserRow> candidates = new LinkedHashMap<>();
        for (ScimFilter.Term term : filter.searchTerms()) {
            List<UserRow> found = switch (term.attribute()) {
                case "externalid" -> reads.byExternalId(company, term.value());
                case "username" -> reads.byUserId(company, term.value());
                default -> reads.byEmail(company, term.value());
            };
            found.forEach(row -> candidates.put(row.id(), row));
        }
        return candidates.values().stream()
                .filter(row -> filter.matches(ScimFilter.valuesOf(row, externalIdOf(row))))
                .sorted(java.util.Comparator.comparing(UserRow::id))
                .toList();
    }

    private String externalIdOf(UserRow row) {
        return row.external() ? null : externalIds.of(row.homeCompanyId(), row.id()).orElse(null);
    }

    private ResponseEntity<Map<String, Object>> answer(int status, UserRow row) {
        var response = ResponseEntity.status(status).eTag(weak(row)).contentType(ScimErrors.SCIM_JSON);
        if (status == 201) {
            response = response.location(locationOf(row));
        }
        return response.body(toScim(row));
    }

    /** The user's absolute URI, as RFC 7643 §3.1 wants {@code meta.location}: clients follow it to replace or delete. */
    private static java.net.URI locationOf(UserRow row) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2/Users/{id}").buildAndExpand(row.id())
                .toUri();
    }

    /** The row version an {@code If-Match} names ({@link ScimVersions#named}); null when absent or {@code *}. */
    private static Long version(String ifMatch) {
        String named = ScimVersions.named(ifMatch);
        if (named == null) {
            return null;
        }
        try {
            return Long.parseLong(named);
        } catch (NumberFormatException e) {
            // an ETag this service never gave names no version of the row: stale
            return -1L;
        }
    }

    /** meta.version and the ETag header: a weak ETag of the row's version. */
    private static String weak(UserRow row) {
        return ScimVersions.weak(row.version());
    }

    private Map<String, Object> toScim(UserRow row) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("schemas", List.of(USER_SCHEMA, ROSTER_USER_SCHEMA));
        user.put("id", row.id());
        if (row.userId() != null) {
            user.put("userName", row.userId());
        }
        String externalId = externalIdOf(row);
        if (externalId != null) {
            user.put("externalId", externalId);
        }
        Map<String, Object> name = new LinkedHashMap<>();
        if (row.firstName() != null) {
            name.put("givenName", row.firstName());
        }
        if (row.lastName() != null) {
            name.put("familyName", row.lastName());
        }
        user.put("name", name);
        if (row.email() != null) {
            user.put("emails", List.of(Map.of("value", row.email(), "type", "work", "primary", true)));
        }
        user.put("active", row.status() == UserStatus.ACTIVE);
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("status", row.status().name());
        extension.put("external", row.external());
        if (row.validationResult() != null) {
            extension.put("validationResult", words.text(row.validationResult()));
            extension.put("validationCode", row.validationResult().code().name());
        }
        user.put(ROSTER_USER_SCHEMA, extension);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", "User");
        meta.put("created", row.createdAt().toString());
        meta.put("lastModified", row.updatedAt().toString());
        meta.put("location", locationOf(row).toString());
        meta.put("version", weak(row));
        user.put("meta", meta);
        return user;
    }
}
