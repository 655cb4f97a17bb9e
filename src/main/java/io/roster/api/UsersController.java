package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.shared.FieldError;
import io.roster.shared.FieldErrors;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import io.roster.tenancy.Tenancy;
import io.roster.users.ActivationOutcome;
import io.roster.users.NewUser;
import io.roster.users.UserEdit;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import io.roster.users.UserStatus;
import io.roster.users.UsersQuery;
import io.roster.users.UsersTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** A company's Users table (SPEC §3, §11). */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/users")
class UsersController {

    private static final Set<String> EDITABLE = Set.of("userId", "firstName", "lastName", "email");
    private static final Set<String> IMMUTABLE = Set.of("id", "external", "validationResult", "status",
            "emailVerified", "createdAt", "updatedAt");

    private final UserLifecycle lifecycle;
    private final UsersTable table;
    private final Tenancy tenancy;
    private final Guard guard;

    UsersController(UserLifecycle lifecycle, UsersTable table, Tenancy tenancy, Guard guard) {
        this.lifecycle = lifecycle;
        this.table = table;
        this.tenancy = tenancy;
        this.guard = guard;
    }

    record CreateUserRequest(String userId, String firstName, String lastName, String email, UserStatus status,
            Boolean emailVerified, String password, String locale, UserView.Notifications notifications) {
    }

    @GetMapping
    Page<UserView> list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String status, @RequestParam(required = false) Boolean external,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        CompanyId company = company(caller, companyId, Permission.USERS_READ);
        UsersQuery query = UsersQuery.of(status, external, q, sort, PageRequest.of(limit, cursor));
        return table.list(company, query).map(UserView::of);
    }

    @PostMapping
    ResponseEntity<UserView> create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestBody CreateUserRequest request) {
        CompanyId company = company(caller, companyId, Permission.USERS_MANAGE);
        ActivationOutcome outcome = lifecycle.create(company, newUser(request));
        UserRow row = outcome.row();
        return Responses.created("/api/v1/companies/" + companyId + "/users/" + row.id(), row.version(), UserView.of(row));
    }

    @GetMapping("/{id}")
    ResponseEntity<UserView> get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        CompanyId company = company(caller, companyId, Permission.USERS_READ);
        UserRow row = lifecycle.row(company, id);
        return Responses.ok(row.version(), UserView.of(row));
    }

    @PatchMapping("/{id}")
    ResponseEntity<UserView> edit(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode body) {
        CompanyId company = company(caller, companyId, Permission.USERS_MANAGE);
        UserEdit edit = editOf(body);
        UserRow row = lifecycle.edit(company, id, edit, Responses.expectedVersion(ifMatch));
        return Responses.ok(row.version(), UserView.of(row));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CompanyId company = company(caller, companyId, Permission.USERS_MANAGE);
        lifecycle.delete(company, id, Responses.expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/activate")
    ResponseEntity<UserView> activate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        CompanyId company = company(caller, companyId, Permission.USERS_MANAGE);
        ActivationOutcome outcome = lifecycle.activate(company, id);
        if (!outcome.activated()) {
            throw new Problems.Conflict("activation-refused",
                    "The user cannot be activated: " + outcome.row().validationResult(),
                    Map.of("validationResult", outcome.row().validationResult()));
        }
        return Responses.ok(outcome.row().version(), UserView.of(outcome.row()));
    }

    @PostMapping("/{id}/deactivate")
    ResponseEntity<UserView> deactivate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        CompanyId company = company(caller, companyId, Permission.USERS_MANAGE);
        UserRow row = lifecycle.deactivate(company, id);
        return Responses.ok(row.version(), UserView.of(row));
    }

    private CompanyId company(Caller caller, String companyId, Permission permission) {
        CompanyId company = new CompanyId(companyId);
        guard.requireCompany(caller, company, permission);
        tenancy.company(company);
        return company;
    }

    private static NewUser newUser(CreateUserRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request.status() == UserStatus.INACTIVE) {
            errors.add("status", "must be DRAFT or ACTIVE: a new user cannot start inactive");
        }
        String locale = request.locale() == null ? "en" : request.locale();
        if (!locale.equals("en") && !locale.equals("fr")) {
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

    /** PATCH takes only the editable fields; naming an immutable one is a 422, an unknown one a 400. */
    private static UserEdit editOf(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Problems.InvalidInput("The body must be a JSON object of the fields to change", List.of());
        }
        List<FieldError> immutable = new ArrayList<>();
        FieldErrors invalid = new FieldErrors();
        for (String field : body.propertyNames()) {
            if (IMMUTABLE.contains(field)) {
                immutable.add(new FieldError(field, "cannot be changed here"
                        + (field.equals("status") ? ": use /activate or /deactivate" : "")));
            } else if (!EDITABLE.contains(field)) {
                invalid.add(field, "is not a field of a user");
            } else if (!body.get(field).isString() && !body.get(field).isNull()) {
                invalid.add(field, "must be a string");
            }
        }
        if (!immutable.isEmpty()) {
            throw new Problems.Unprocessable("These fields cannot be changed: "
                    + String.join(", ", immutable.stream().map(FieldError::field).toList()), immutable);
        }
        invalid.throwIfAny();
        return new UserEdit(text(body, "userId"), text(body, "firstName"), text(body, "lastName"), text(body, "email"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
