package io.roster.notifications;

import io.roster.access.AccessEvents;
import io.roster.access.BuiltInRole;
import io.roster.access.PartnerStaff;
import io.roster.access.RoleAssignments;
import io.roster.tenancy.PartnerAccessEvents;
import io.roster.shared.PartnerId;
import io.roster.access.Role;
import io.roster.access.Roles;
import io.roster.shared.CompanyId;
import io.roster.tenancy.Tenancy;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import io.roster.users.UserEvents;
import io.roster.workspaces.WorkspaceEvents;
import io.roster.workspaces.WorkspaceMembers;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which events concern a person (docs/rules.md §11). Synchronous listeners: the notification is written in
 * the transaction of the change, so one never exists without the other.
 */
@Component
class NotificationTriggers {

    private final Notifier notifier;
    private final Tenancy tenancy;
    private final Roles roles;
    private final WorkspaceMembers workspaces;
    private final RoleAssignments assignments;
    private final PartnerStaff staff;
    private final Recipients recipients;

    NotificationTriggers(Notifier notifier, Tenancy tenancy, Roles roles, WorkspaceMembers workspaces,
            RoleAssignments assignments, PartnerStaff staff, Recipients recipients) {
        this.assignments = assignments;
        this.staff = staff;
        this.recipients = recipients;
        this.notifier = notifier;
        this.tenancy = tenancy;
        this.roles = roles;
        this.workspaces = workspaces;
    }

    @EventListener
    void on(UserEvents.UserActivated event) {
        if (event.invitationNeeded()) {
            notifier.tell(event.accountId(), NotificationKind.INVITED, List.of(company(event.companyId())));
        }
    }

    @EventListener
    void on(AccessEvents.RoleGranted event) {
        notifier.tell(event.accountId(), NotificationKind.ROLE_GRANTED,
                List.of(role(event.companyId(), event.roleId()), company(event.companyId())));
    }

    @EventListener
    void on(AccessEvents.RoleRevoked event) {
        notifier.tell(event.accountId(), NotificationKind.ROLE_REMOVED,
                List.of(role(event.companyId(), event.roleId()), company(event.companyId())));
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightGranted event) {
        notifier.tell(event.accountId(), NotificationKind.WORKSPACE_RIGHT_GRANTED, List.of(right(event.right()),
                workspace(event.companyId(), event.workspaceId()), company(event.companyId())));
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightChanged event) {
        notifier.tell(event.accountId(), NotificationKind.WORKSPACE_RIGHT_GRANTED, List.of(right(event.right()),
                workspace(event.companyId(), event.workspaceId()), company(event.companyId())));
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightRemoved event) {
        notifier.tell(event.accountId(), NotificationKind.WORKSPACE_RIGHT_REMOVED,
                List.of(workspace(event.companyId(), event.workspaceId()), company(event.companyId())));
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightEndDateChanged event) {
        if (event.endsAt() == null) {
            notifier.tell(event.accountId(), NotificationKind.WORKSPACE_RIGHT_END_CLEARED,
                    List.of(workspace(event.companyId(), event.workspaceId()), company(event.companyId())));
        } else {
            notifier.tell(event.accountId(), NotificationKind.WORKSPACE_RIGHT_ENDS, List.of(workspace(event.companyId(),
                    event.workspaceId()), company(event.companyId()), DATE.format(event.endsAt())));
        }
    }

    /** The guest hears of it as a removed right; its sponsor (or, without one, the ADMINs) as an ended one. */
    @EventListener
    void on(WorkspaceEvents.WorkspaceRightEnded event) {
        List<String> arguments = List.of(name(event.accountId()), workspace(event.companyId(), event.workspaceId()),
                company(event.companyId()), DATE.format(event.endsAt()));
        if (event.sponsorAccountId() != null) {
            notifier.tell(event.sponsorAccountId(), NotificationKind.GUEST_RIGHT_ENDED, arguments);
        } else {
            workspaces.adminsOf(event.companyId(), event.workspaceId())
                    .forEach(admin -> notifier.tell(admin, NotificationKind.GUEST_RIGHT_ENDED, arguments));
        }
    }

    @EventListener
    void on(WorkspaceEvents.GuestsHandedOver event) {
        List<String> arguments = List.of(String.valueOf(event.guestAccountIds().size()),
                workspace(event.companyId(), event.workspaceId()), company(event.companyId()),
                name(event.formerSponsorAccountId()));
        event.admins().forEach(admin -> notifier.tell(admin, NotificationKind.GUESTS_HANDED_OVER, arguments));
    }

    @EventListener
    void on(UserEvents.EmailConfirmed event) {
        notifier.tell(event.accountId(), NotificationKind.EMAIL_CHANGED, List.of(event.email()));
    }

    @EventListener
    void on(UserEvents.PasswordChanged event) {
        notifier.tell(event.accountId(), NotificationKind.PASSWORD_CHANGED, List.of());
    }

    /** A partner asks for access (or its renewal): the company's administrators answer it. */
    @EventListener
    void on(PartnerAccessEvents.AccessRequested event) {
        List<String> words = List.of(partner(event.partnerId()), company(event.companyId()));
        assignments.holdersOf(event.companyId(), BuiltInRole.ADMINISTRATOR.name())
                .forEach(admin -> notifier.tell(admin, NotificationKind.PARTNER_ACCESS_REQUESTED, words));
    }

    @EventListener
    void on(PartnerAccessEvents.AccessAccepted event) {
        List<String> words = List.of(company(event.companyId()), DAY.format(event.endsAt()));
        staff.administratorIds(event.partnerId())
                .forEach(admin -> notifier.tell(admin, NotificationKind.PARTNER_ACCESS_ACCEPTED, words));
    }

    @EventListener
    void on(PartnerAccessEvents.AccessRevoked event) {
        List<String> words = List.of(company(event.companyId()));
        staff.administratorIds(event.partnerId())
                .forEach(admin -> notifier.tell(admin, NotificationKind.PARTNER_ACCESS_REVOKED, words));
    }

    @EventListener
    void on(PartnerAccessEvents.AccessDeclined event) {
        List<String> words = List.of(company(event.companyId()));
        staff.administratorIds(event.partnerId())
                .forEach(admin -> notifier.tell(admin, NotificationKind.PARTNER_ACCESS_DECLINED, words));
    }

    @EventListener
    void on(PartnerAccessEvents.AccessExpired event) {
        List<String> words = List.of(company(event.companyId()));
        staff.administratorIds(event.partnerId())
                .forEach(admin -> notifier.tell(admin, NotificationKind.PARTNER_ACCESS_EXPIRED, words));
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(java.time.ZoneOffset.UTC);

    private String partner(PartnerId partner) {
        return tenancy.partner(partner).name();
    }

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private String name(String accountId) {
        return recipients.recipient(accountId).map(Recipient::displayName).orElse(accountId);
    }

    private String company(CompanyId company) {
        return tenancy.company(company).name();
    }

    /** A built-in role reads in the reader's language; a custom role as its company named it. */
    private String role(CompanyId company, String roleId) {
        return roles.find(company, roleId)
                .map(role -> role.builtIn() ? Worded.key("partner.role." + role.id(), role.name()) : role.name())
                .orElse(roleId);
    }

    private static String right(io.roster.workspaces.WorkspaceRight right) {
        return Worded.key("right." + right.name(), right.name());
    }

    private String workspace(CompanyId company, String workspaceId) {
        return workspaces.nameOf(company, workspaceId).orElse(workspaceId);
    }
}
