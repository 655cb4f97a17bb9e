package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.Role;
import io.roster.access.RoleDeletion;
import io.roster.access.Roles;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.Problems;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A company's roles: built-in and custom, with their permissions. */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/roles")
class RolesController {

    private final Guard guard;
    private final Roles roles;
    private final RoleDeletion deletion;

    RolesController(Guard guard, Roles roles, RoleDeletion deletion) {
        this.deletion = deletion;
        this.guard = guard;
        this.roles = roles;
    }

    record RoleRequest(String name, List<String> permissions) {
    }

    record RoleView(String id, String name, boolean builtIn, List<String> permissions) {
        static RoleView of(Role role) {
            return new RoleView(role.id(), role.name(), role.builtIn(),
                    role.permissions().stream().map(Permission::code).sorted().toList());
        }
    }

    @GetMapping
    Page<RoleView> list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        CompanyId company = guard.requireMember(caller, new CompanyId(companyId)).company();
        return new Page<>(roles.of(company).stream().map(RoleView::of).toList(), null);
    }

    @PostMapping
    ResponseEntity<RoleView> create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestBody RoleRequest request) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE);
        Role role = roles.create(access, request.name(), request.permissions());
        return Responses.created("/api/v1/companies/" + companyId + "/roles/" + role.id(), 0, RoleView.of(role));
    }

    @GetMapping("/{roleId}")
    RoleView get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String roleId) {
        CompanyId company = guard.requireMember(caller, new CompanyId(companyId)).company();
        return RoleView.of(roles.find(company, roleId)
                .orElseThrow(() -> new Problems.NotFound("No role " + roleId + " in this company").coded("NO_ROLE_HERE", roleId)));
    }

    /** Deletes a custom role nobody holds: 409 for a built-in role or one still held (with {@code holders}). */
    @DeleteMapping("/{roleId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String roleId) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE);
        deletion.deleteUnused(access, roleId);
        return ResponseEntity.noContent().build();
    }

    /** Renames a custom role and replaces its permissions (both required); built-in roles answer 409. */
    @PutMapping("/{roleId}")
    RoleView update(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String roleId,
            @RequestBody RoleRequest request) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE);
        return RoleView.of(roles.update(access.company(), roleId, request.name(), request.permissions(), access));
    }
}
