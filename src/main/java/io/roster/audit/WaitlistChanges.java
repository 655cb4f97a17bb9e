package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;
import static io.roster.audit.UserChanges.user;

import io.roster.users.WaitlistEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the seat waitlist (docs/rules.md, "Seat waitlist"): its setting, who joined, moved, left or got a seat. */
@Component
class WaitlistChanges {

    private final AuditTrail trail;

    WaitlistChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(WaitlistEvents.SettingChanged e) {
        trail.inCompany(e.companyId(), "waitlist.setting_changed", new AuditTrail.Target("company", e.companyId().value()),
                fields("seatWaitlist", e.before()), fields("seatWaitlist", e.after()));
    }

    @EventListener
    void on(WaitlistEvents.Joined e) {
        trail.inCompany(e.companyId(), "waitlist.joined", user(e.accountId()), null,
                fields("userId", e.userId(), "position", e.position()));
    }

    @EventListener
    void on(WaitlistEvents.ActivatedFromWaitlist e) {
        trail.inCompany(e.companyId(), "waitlist.activated", user(e.accountId()),
                fields("userId", e.userId(), "position", e.position()), fields("userId", e.userId(), "status", "ACTIVE"));
    }

    @EventListener
    void on(WaitlistEvents.Moved e) {
        trail.inCompany(e.companyId(), "waitlist.moved", user(e.accountId()),
                fields("userId", e.userId(), "position", e.from()), fields("userId", e.userId(), "position", e.to()));
    }

    @EventListener
    void on(WaitlistEvents.Left e) {
        trail.inCompany(e.companyId(), "waitlist.removed", user(e.accountId()),
                fields("userId", e.userId(), "position", e.position()), fields("userId", e.userId(), "reason", e.reason()));
    }
}
