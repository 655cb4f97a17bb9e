package io.roster.users;

import io.roster.licensing.LicensesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Licenses added: the waiting rows get the new seats at once, in the transaction of the change
 * (docs/rules.md, "Seat waitlist").
 */
@Component
class WaitlistSeats {

    private final UserLifecycle lifecycle;

    WaitlistSeats(UserLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @EventListener
    void on(LicensesChanged changed) {
        if (changed.after() > changed.before()) {
            lifecycle.fillFreedSeats(changed.companyId());
        }
    }
}
