package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.RoleAssignments;
import io.roster.access.UserCreation;
import io.roster.shared.CompanyId;
import io.roster.shared.FieldErrors;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import io.roster.users.ActivationOutcome;
import io.roster.users.ValidationCode;
import io.roster.users.NewUser;
import io.roster.users.UserEdit;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import io.roster.users.UserStatus;
import io.roster.users.UsersQuery;
import io.roster.users.UsersTable;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A company's Users table (docs/rules.md §1, §3, §14). */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/users")
class UsersController {

    private final UserLifecycle lifecycle;
    private final UsersTable table;
    private final Guard guard;
    private final RoleAssignments assignments;
    private final UserCreation creation;

    private final ApiWording words;


    UsersController(UserLifecycle lifecycle, UsersTable table, Guard guard, RoleAssignments assignments,
            UserCreation creation, ApiWording words) {

        this.words = words;
        this.lifecycle = lifecycle;
        this.table = table;
        this.guard = guard;
        this.assignments = assignments;
        this.creation = creation;
    }

    record CreateUserRequest(String userId, String firstName, String lastName, String email, UserStatus status,
            Boolean emailVerified, String password, String locale, UserView.Notifications notifications,
            List<String> roles) {
    }

    @GetMapping
    Page<UserView> list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String status, @RequestParam(required = false) Boolean external,
            @RequestParam(required = false) String q, @RequestParam(required = false) String role,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        CompanyId company = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_READ).company();
        UsersQuery.RoleFilter roleFilter = role == null || role.isBlank() ? null : new UsersQuery.RoleFilter(company, role);
        UsersQuery query = UsersQuery.of(status, external, q, roleFilter, sort, PageRequest.of(limit, cursor));
        Page<UserRow> page = table.list(company, query);
        Map<String, List<String>> roleIds = assignments.roleIdsOf(company, page.items().stream().map(UserRow::id).toList());
        return page.map(row -> UserView.of(row, roleIds.getOrDefault(row.id(), List.of()), words));
    }

    @PostMapping
    ResponseEntity<UserView> create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestBody CreateUserRequest request) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        List<String> roleIds = request.roles() == null ? List.of() : request.roles().stream().distinct().sorted().toList();
        UserRow row = creation.create(access, newUser(request), roleIds).row();
        // the roles are those just granted: no need to read them back
        return Responses.created("/api/v1/companies/" + companyId + "/users/" + row.id(), row.version(),
                UserView.of(row, roleIds, words));
    }

    @GetMapping("/{id}")
    ResponseEntity<UserView> get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        CompanyId company = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_READ).company();
        UserRow row = lifecycle.row(company, id);
        return Responses.ok(row.version(), view(company, row));
    }

    @PatchMapping("/{id}")
    ResponseEntity<UserView> edit(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode body) {
        CompanyId company = manage(caller, companyId, id);
        UserEdit edit = UserPatch.parse(body);
        long current = lifecycle.row(company, id).version();
        UserRow row = lifecycle.edit(company, id, edit, Responses.expectedVersion(ifMatch, current));
        return Responses.ok(row.version(), view(company, row));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CompanyId company = manage(caller, companyId, id);
        lifecycle.delete(company, id, Responses.expectedVersion(ifMatch, lifecycle.row(company, id).version()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/activate")
    ResponseEntity<UserView> activate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        CompanyId company = manage(caller, companyId, id);
        ActivationOutcome outcome = lifecycle.activate(company, id);
        if (!outcome.activated() && outcome.row().validationResult().code() == ValidationCode.WAITING_FOR_LICENSE) {
            // accepted: the row waits for a seat and is activated when its turn comes
            return ResponseEntity.accepted().eTag(Responses.etag(outcome.row().version())).body(view(company, outcome.row()));
        }
        if (!outcome.activated()) {
            // the words in the caller's language, the codes for clients to branch on (additive to the old body)
            String words = this.words.text(outcome.row().validationResult());
            throw new Problems.Conflict("activation-refused", "The user cannot be activated: " + words,
                    Map.of("validationResult", words, "code", outcome.row().validationResult().code().name(),
                            "validationProblems", ApiWording.problems(outcome.row().validationResult())))
                    .coded("ACTIVATION_REFUSED", words);
        }
        return Responses.ok(outcome.row().version(), view(company, outcome.row()));
    }

    @PostMapping("/{id}/deactivate")
    ResponseEntity<UserView> deactivate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        CompanyId company = manage(caller, companyId, id);
        UserRow row = lifecycle.deactivate(company, id);
        return Responses.ok(row.version(), view(company, row));
    }

    /** {@code users.manage} in the company, over a person who holds no permission the caller lacks. */
    private CompanyId manage(Caller caller, String companyId, String id) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        guard.requireOutranks(access, id);
        return access.company();
    }

    private UserView view(CompanyId company, UserRow row) {
        UserView view = UserView.of(row, assignments.roleIdsOf(company, row.id()), words);
        return row.external() ? view : view.withPendingEmail(lifecycle.pendingEmail(company, row.id()).orElse(null));
    }

    private static NewUser newUser(CreateUserRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request.status() == UserStatus.INACTIVE) {
            errors.add("status", "must be DRAFT or ACTIVE: a new user cannot start inactive");
        }
        // no language given: the platform default until the person's first sign-in takes their browser's
        String locale = request.locale();
        if (locale != null && !locale.equals("en") && !locale.equals("fr")) {
            errors.add("locale", "must be 'en' or 'fr'");
        }
        errors.throwIfAny();
        UserView.Notifications notifications = request.notifications() == null
                ? new UserView.Notifications(true, true) : request.notifications();
        return new NewUser(request.userId(), request.firstName(), request.lastName(), request.email(),
                request.status() == null ? UserStatus.DRAFT : request.status(),
                Boolean.TRUE.equals(request.emailVerified()), request.password(), locale,
                !Boolean.FALSE.equals(notifications.inApp()), !Boolean.FALSE.equals(notifications.email()));
    }
}
