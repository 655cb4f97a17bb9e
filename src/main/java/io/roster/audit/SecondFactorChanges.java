package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;
import static io.roster.audit.UserChanges.user;

import io.roster.access.SecondFactorEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records second factors enrolled, removed and reset (docs/rules.md §21): the person's own changes
 * are filed under their home company or partner space, a reset under the administrator's company.
 * Never a secret or a code.
 */
@Component
class SecondFactorChanges {

    private final AuditTrail trail;

    SecondFactorChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(SecondFactorEvents.Enrolled e) {
        trail.as(person(e.accountId(), e.userId(), e.homePartnerId()), e.homeCompanyId(), e.homePartnerId(),
                "mfa.enrolled", user(e.accountId()), null, fields("method", e.method()), null);
    }

    @EventListener
    void on(SecondFactorEvents.Removed e) {
        trail.as(person(e.accountId(), e.userId(), e.homePartnerId()), e.homeCompanyId(), e.homePartnerId(),
                "mfa.removed", user(e.accountId()), fields("method", e.method()), null, null);
    }

    @EventListener
    void on(SecondFactorEvents.RecoveryCodesRenewed e) {
        trail.as(person(e.accountId(), e.userId(), e.homePartnerId()), e.homeCompanyId(), e.homePartnerId(),
                "mfa.recovery_codes_renewed", user(e.accountId()), null, null, null);
    }

    @EventListener
    void on(SecondFactorEvents.Reset e) {
        trail.inCompany(e.companyId(), "mfa.reset", user(e.accountId()), fields("enrolled", true),
                fields("enrolled", false));
    }

    @EventListener
    void on(SecondFactorEvents.PolicyChanged e) {
        trail.inCompany(e.companyId(), "mfa.policy_changed", new AuditTrail.Target("company", e.companyId().value()),
                fields("requireMfaForAdmins", e.before()), fields("requireMfaForAdmins", e.after()));
    }

    private Actors.Actor person(String accountId, String userId, String homePartnerId) {
        return trail.actors().caller()
                .map(caller -> new Actors.Actor(caller.accountId(), caller.userId(),
                        Actors.kindOf(caller.operator(), caller.homePartnerId())))
                .orElse(new Actors.Actor(accountId, userId, Actors.kindOf(false, homePartnerId)));
    }
}
