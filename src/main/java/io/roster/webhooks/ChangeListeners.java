package io.roster.webhooks;

import io.roster.access.AccessEvents.RoleGranted;
import io.roster.access.AccessEvents.RoleRevoked;
import io.roster.licensing.LicensesChanged;
import io.roster.shared.CompanyId;
import io.roster.users.UserEvents.EmailConfirmed;
import io.roster.users.UserEvents.OwnNamesChanged;
import io.roster.users.UserEvents.UserActivated;
import io.roster.users.UserEvents.UserCreated;
import io.roster.users.UserEvents.UserDeactivated;
import io.roster.users.UserEvents.UserDeleted;
import io.roster.users.UserEvents.UserEdited;
import io.roster.workspaces.WorkspaceEvents.WorkspaceRightChanged;
import io.roster.workspaces.WorkspaceEvents.WorkspaceRightGranted;
import io.roster.workspaces.WorkspaceEvents.WorkspaceRightRemoved;
import io.roster.workspaces.WorkspaceRight;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the modules' events into webhook events, synchronously in the publisher's transaction.
 * {@code data} is the resource as the REST API shows it: for the user events the whole user
 * ({@link UserResources}); for the others the fields of the change, named as the REST API names
 * them. Never a password, a hash or a link token.
 */
@Component
class ChangeListeners {

    private final DeliveryOutbox outbox;
    private final UserResources users;

    ChangeListeners(DeliveryOutbox outbox, UserResources users) {
        this.outbox = outbox;
        this.users = users;
    }

    @EventListener
    void on(UserCreated e) {
        user(WebhookEventType.USER_CREATED, e.companyId(), e.accountId(), fields("id", e.accountId(), "userId",
                e.userId(), "firstName", e.firstName(), "lastName", e.lastName(), "email", e.email(), "status", "DRAFT",
                "emailVerified", e.emailVerified(), "locale", e.locale()));
    }

    @EventListener
    void on(UserActivated e) {
        user(WebhookEventType.USER_ACTIVATED, e.companyId(), e.accountId(),
                fields("id", e.accountId(), "userId", e.userId(), "status", "ACTIVE"));
    }

    @EventListener
    void on(UserDeactivated e) {
        user(WebhookEventType.USER_DEACTIVATED, e.companyId(), e.accountId(),
                fields("id", e.accountId(), "userId", e.userId(), "status", "INACTIVE"));
    }

    /** The row is gone: the user as it was when deleted, from the event. */
    @EventListener
    void on(UserDeleted e) {
        outbox.file(WebhookEventType.USER_DELETED, e.companyId().value(), fields("id", e.accountId(), "userId", e.userId(),
                "firstName", e.firstName(), "lastName", e.lastName(), "email", e.email(), "status", e.status().name()));
    }

    @EventListener
    void on(UserEdited e) {
        user(WebhookEventType.USER_UPDATED, e.companyId(), e.accountId(), fields("id", e.accountId(),
                "userId", e.after().userId(), "firstName", e.after().firstName(), "lastName", e.after().lastName(),
                "email", e.after().email()));
    }

    @EventListener
    void on(OwnNamesChanged e) {
        if (e.homeCompanyId() != null) {
            user(WebhookEventType.USER_UPDATED, new CompanyId(e.homeCompanyId()), e.accountId(),
                    fields("id", e.accountId(), "firstName", e.firstName(), "lastName", e.lastName()));
        }
    }

    @EventListener
    void on(EmailConfirmed e) {
        if (e.homeCompanyId() != null) {
            user(WebhookEventType.USER_UPDATED, new CompanyId(e.homeCompanyId()), e.accountId(),
                    fields("id", e.accountId(), "userId", e.userId(), "email", e.email(), "emailVerified", true));
        }
    }

    /**
     * A user event: {@code data} is the user as the API shows it when the change commits; should
     * the row be gone by then (deleted in the same change), what the event itself says.
     */
    private void user(WebhookEventType type, CompanyId company, String accountId, Map<String, Object> fromEvent) {
        // read once for all of this user's events written together (a creation files two)
        outbox.file(type, company.value(), "user " + company.value() + " " + accountId,
                () -> users.of(company, accountId), fromEvent);
    }

    @EventListener
    void on(RoleGranted e) {
        outbox.file(WebhookEventType.ROLE_GRANTED, e.companyId().value(),
                fields("userAccountId", e.accountId(), "roleId", e.roleId()));
    }

    @EventListener
    void on(RoleRevoked e) {
        outbox.file(WebhookEventType.ROLE_REVOKED, e.companyId().value(),
                fields("userAccountId", e.accountId(), "roleId", e.roleId()));
    }

    @EventListener
    void on(WorkspaceRightGranted e) {
        rightChanged(e.companyId().value(), e.workspaceId(), e.accountId(), null, e.right());
    }

    @EventListener
    void on(WorkspaceRightChanged e) {
        rightChanged(e.companyId().value(), e.workspaceId(), e.accountId(), e.previousRight(), e.right());
    }

    @EventListener
    void on(WorkspaceRightRemoved e) {
        rightChanged(e.companyId().value(), e.workspaceId(), e.accountId(), e.right(), null);
    }

    private void rightChanged(String company, String workspace, String account, WorkspaceRight before,
            WorkspaceRight after) {
        outbox.file(WebhookEventType.WORKSPACE_RIGHT_CHANGED, company, fields("workspaceId", workspace,
                "userAccountId", account, "previousRight", before, "right", after));
    }

    @EventListener
    void on(LicensesChanged e) {
        outbox.file(WebhookEventType.LICENSES_CHANGED, e.companyId().value(),
                fields("licensesPurchased", e.after(), "licensesUsed", e.used()));
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            fields.put((String) namesAndValues[i], value instanceof Enum<?> e ? e.name() : value);
        }
        return fields;
    }
}
