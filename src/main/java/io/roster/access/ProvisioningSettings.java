package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a company decides for the people its directory provisions through SCIM (docs/rules.md §19):
 * the role they get at creation, so they can sign in ({@code MEMBER} unless changed), and whether
 * their first activation mails the account-setup invitation (on unless turned off, e.g. when they
 * sign in through the directory's single sign-on). Set on the console's Roles page or the API.
 */
@Service
public class ProvisioningSettings {

    /** The settings of a company. */
    public record Settings(String defaultRoleId, boolean inviteProvisioned) {

        static final Settings DEFAULTS = new Settings(BuiltInRole.MEMBER.name(), true);
    }

    private final JdbcClient jdbc;
    private final Roles roles;
    private final ApplicationEventPublisher events;

    ProvisioningSettings(JdbcClient jdbc, Roles roles, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.roles = roles;
        this.events = events;
    }

    /** The company's settings; the defaults when it never changed them. */
    public Settings of(CompanyId company) {
        return jdbc.sql("SELECT default_role_id, invite_provisioned FROM scim_settings WHERE company_id = ?")
                .param(company.value())
                .query((rs, n) -> new Settings(rs.getString(1), rs.getBoolean(2)))
                .optional()
                .orElse(Settings.DEFAULTS);
    }

    /**
     * Changes the settings; the caller was authorized for {@code roles.manage} and {@code users.manage}
     * in {@code access}'s company. The role must be one of the company's (400) and carry no
     * permission the changer lacks (403): whoever it is given to through SCIM gets those permissions.
     */
    @Transactional
    public Settings change(CompanyAccess access, String defaultRoleId, boolean inviteProvisioned) {
        CompanyId company = access.company();
        Role role = roles.find(company, defaultRoleId == null ? "" : defaultRoleId.trim())
                .orElseThrow(() -> Problems.InvalidInput.of("defaultRoleId", "no role '" + defaultRoleId
                        + "' in this company"));
        if (!access.permissions().containsAll(role.permissions())) {
            throw new Problems.Forbidden("permissions-not-held", "You cannot make '" + role.name()
                    + "' the role of provisioned people: it carries permissions you do not have").coded("PROVISIONED_ROLE_TOO_STRONG", RoleWording.of(role));
        }
        Settings before = of(company);
        Settings after = new Settings(role.id(), inviteProvisioned);
        if (before.equals(after)) {
            return after;
        }
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE scim_settings SET default_role_id = ?, invite_provisioned = ?, updated_at = ?"
                        + " WHERE company_id = ?")
                .params(after.defaultRoleId(), after.inviteProvisioned(), now, company.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO scim_settings (company_id, default_role_id, invite_provisioned, updated_at)"
                            + " VALUES (?, ?, ?, ?)")
                    .params(company.value(), after.defaultRoleId(), after.inviteProvisioned(), now).update();
        }
        events.publishEvent(new AccessEvents.ScimSettingsChanged(company, before.defaultRoleId(),
                before.inviteProvisioned(), after.defaultRoleId(), after.inviteProvisioned(), access.caller().accountId()));
        return after;
    }
}
