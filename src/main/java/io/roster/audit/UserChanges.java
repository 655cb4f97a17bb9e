package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;

import io.roster.users.UserEdit;
import io.roster.users.UserEvents;
import io.roster.users.UserStatus;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the Users-table lifecycle (docs/rules.md §3): creation, activation (and its refusal), edits, deletion. */
@Component
class UserChanges {

    private final AuditTrail trail;

    UserChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(UserEvents.UserCreated e) {
        trail.inCompany(e.companyId(), "user.created", user(e.accountId()), null,
                fields("userId", e.userId(), "firstName", e.firstName(), "lastName", e.lastName(), "email", e.email(),
                        "status", UserStatus.DRAFT, "emailVerified", e.emailVerified(), "locale", e.locale(),
                        "passwordSet", e.passwordSet()));
    }

    @EventListener
    void on(UserEvents.UserActivated e) {
        trail.inCompany(e.companyId(), "user.activated", user(e.accountId()),
                fields("userId", e.userId(), "status", e.firstTime() ? UserStatus.DRAFT : UserStatus.INACTIVE),
                fields("userId", e.userId(), "status", UserStatus.ACTIVE, "validationResult", "OK",
                        "invitationSent", e.invitationNeeded()));
    }

    @EventListener
    void on(UserEvents.UserActivationRefused e) {
        trail.inCompany(e.companyId(), "user.activation_refused", user(e.accountId()),
                fields("userId", e.userId(), "status", e.status()),
                fields("userId", e.userId(), "status", e.status(), "validationResult", e.validationResult().encode()));
    }

    @EventListener
    void on(UserEvents.ExternalIdChanged e) {
        trail.inCompany(e.companyId(), "user.external_id_changed", user(e.accountId()),
                e.before() == null ? null : fields("externalId", e.before()),
                e.after() == null ? null : fields("externalId", e.after()));
    }

    @EventListener
    void on(UserEvents.UserDeactivated e) {
        trail.inCompany(e.companyId(), "user.deactivated", user(e.accountId()),
                fields("userId", e.userId(), "status", UserStatus.ACTIVE),
                fields("userId", e.userId(), "status", UserStatus.INACTIVE));
    }

    @EventListener
    void on(UserEvents.UserDeleted e) {
        trail.inCompany(e.companyId(), "user.deleted", user(e.accountId()),
                fields("userId", e.userId(), "firstName", e.firstName(), "lastName", e.lastName(), "email", e.email(),
                        "status", e.status()), null);
    }

    /** Only the fields that changed; an edit that changed nothing is not a change. */
    @EventListener
    void on(UserEvents.UserEdited e) {
        Map<String, Object> before = fields();
        Map<String, Object> after = fields();
        UserEdit was = e.before();
        UserEdit now = e.after();
        diff("userId", was.userId(), now.userId(), before, after);
        diff("firstName", was.firstName(), now.firstName(), before, after);
        diff("lastName", was.lastName(), now.lastName(), before, after);
        diff("email", was.email(), now.email(), before, after);
        if (!after.isEmpty()) {
            trail.inCompany(e.companyId(), "user.edited", user(e.accountId()), before, after);
        }
    }

    @EventListener
    void on(UserEvents.EmailChangeRequested e) {
        trail.inCompany(e.companyId(), "user.email_change_requested", user(e.accountId()), fields("email", e.oldEmail()),
                fields("email", e.oldEmail(), "pendingEmail", e.newEmail()));
    }

    /** From the old address's link: the person acts for itself, as for a confirmation. */
    @EventListener
    void on(UserEvents.EmailChangeCancelled e) {
        trail.as(personOrCaller(e.accountId(), e.userId(), e.homePartnerId()), e.homeCompanyId(), e.homePartnerId(),
                "user.email_change_cancelled", user(e.accountId()), fields("cancelledEmail", e.droppedEmail()),
                fields("email", e.keptEmail(), "reverted", e.reverted()), null);
    }

    /**
     * Set through a mailed link: the person proved the link, so the account acts for itself. Filed
     * under its home company or partner space, like an email confirmation.
     */
    @EventListener
    void on(UserEvents.PasswordChanged e) {
        trail.as(personOrCaller(e.accountId(), e.userId(), e.homePartnerId()), e.homeCompanyId(), e.homePartnerId(),
                "user.password_changed", user(e.accountId()), null, fields("passwordSet", true), null);
    }

    @EventListener
    void on(UserEvents.EmailConfirmed e) {
        trail.as(personOrCaller(e.accountId(), e.userId(), e.homePartnerId()), e.homeCompanyId(), e.homePartnerId(),
                "user.email_confirmed", user(e.accountId()), fields("email", e.previousEmail()),
                fields("email", e.email(), "emailVerified", true), null);
    }

    /**
     * The platform operator, filed under no tenant: made at start by the system, or on the setup
     * page by the person, who acts for themselves there (nobody is signed in yet).
     */
    @EventListener
    void on(UserEvents.OperatorCreated e) {
        Actors.Actor actor = e.source() == UserEvents.OperatorCreated.Source.SETUP_PAGE
                ? new Actors.Actor(e.accountId(), e.userId(), ActorKind.OPERATOR) : trail.actors().nobody();
        trail.as(actor, null, null, "operator.created", user(e.accountId()), null,
                fields("userId", e.userId(), "firstName", e.firstName(), "lastName", e.lastName(), "email", e.email(),
                        "source", e.source()), null);
    }

    /**
     * The person renamed themselves on their profile: filed under the company whose Users table
     * shows the names (none for partner staff and self-managed accounts: the platform's log).
     */
    @EventListener
    void on(UserEvents.OwnNamesChanged e) {
        Map<String, Object> before = fields();
        Map<String, Object> after = fields();
        diff("firstName", e.previousFirstName(), e.firstName(), before, after);
        diff("lastName", e.previousLastName(), e.lastName(), before, after);
        if (!after.isEmpty()) {
            trail.as(trail.actors().current(), e.homeCompanyId(), null, "user.names_changed", user(e.accountId()),
                    before, after, null);
        }
    }

    /** The person's own language and notification choices: a personal setting, in the platform's log. */
    @EventListener
    void on(UserEvents.PreferencesChanged e) {
        trail.as(trail.actors().current(), null, null, "user.preferences_changed", user(e.accountId()), null,
                fields("locale", e.locale(), "notifyInApp", e.notifyInApp(), "notifyEmail", e.notifyEmail()), null);
    }

    /** Whoever is signed in, or else the person the mailed link was for. */
    private Actors.Actor personOrCaller(String accountId, String userId, String homePartnerId) {
        return trail.actors().caller()
                .map(caller -> new Actors.Actor(caller.accountId(), caller.userId(),
                        Actors.kindOf(caller.operator(), caller.homePartnerId())))
                .orElse(new Actors.Actor(accountId, userId, Actors.kindOf(false, homePartnerId)));
    }

    private static void diff(String field, String was, String now, Map<String, Object> before,
            Map<String, Object> after) {
        if (!Objects.equals(was, now)) {
            before.put(field, was);
            after.put(field, now);
        }
    }

    static AuditTrail.Target user(String accountId) {
        return new AuditTrail.Target("user", accountId);
    }
}
