package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.ProvisioningSettings;
import io.roster.shared.CompanyId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a company decides for the people its directory provisions through SCIM: their role
 * ({@code defaultRoleId}, MEMBER unless changed) and whether their activation mails the invitation
 * ({@code inviteProvisioned}, on unless turned off). Read by members who may manage roles, changed
 * by whoever holds roles.manage and users.manage.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/scim-settings")
class ProvisioningSettingsController {

    private final Guard guard;
    private final ProvisioningSettings settings;

    ProvisioningSettingsController(Guard guard, ProvisioningSettings settings) {
        this.guard = guard;
        this.settings = settings;
    }

    record SettingsRequest(String defaultRoleId, Boolean inviteProvisioned) {
    }

    @GetMapping
    ProvisioningSettings.Settings get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE);
        return settings.of(access.company());
    }

    /** Both fields may be sent; one left out keeps its value. */
    @PutMapping
    ProvisioningSettings.Settings change(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestBody SettingsRequest request) {
        CompanyId company = new CompanyId(companyId);
        guard.requireCompany(caller, company, Permission.USERS_MANAGE);
        CompanyAccess access = guard.requireCompany(caller, company, Permission.ROLES_MANAGE);
        ProvisioningSettings.Settings current = settings.of(company);
        return settings.change(access,
                request.defaultRoleId() == null ? current.defaultRoleId() : request.defaultRoleId(),
                request.inviteProvisioned() == null ? current.inviteProvisioned() : request.inviteProvisioned());
    }
}
