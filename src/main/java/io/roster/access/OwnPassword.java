package io.roster.access;

import io.roster.shared.Problems;
import io.roster.users.OwnProfile;
import io.roster.users.WrongPassword;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * A signed-in person changes their own password (console profile and {@code PUT /api/v1/me/password}).
 * Proving the current password is a guess like a sign-in, so wrong ones count in the sign-in
 * throttle: a stolen session or token cannot try passwords faster than the sign-in page allows.
 */
@Service
public class OwnPassword {

    private final OwnProfile profile;
    private final SignInThrottle throttle;

    OwnPassword(OwnProfile profile, SignInThrottle throttle) {
        this.profile = profile;
        this.throttle = throttle;
    }

    /** Refuses a wrong current password (400 {@code wrong-password}), a weak new one (400) or a throttled caller (429). */
    public void change(Caller caller, String currentPassword, String newPassword, String clientAddress) {
        if (caller == null) {
            throw new Problems.Unauthorized("Sign in first");
        }
        SignInThrottle.Keys keys = SignInThrottle.Keys.of(caller.accountId(), clientAddress);
        Duration wait = throttle.waitFor(keys).orElse(null);
        if (wait != null) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            throw new Problems.TooManyRequests("Too many wrong passwords: try again in " + seconds + " s", seconds)
                    .coded("TOO_MANY_ATTEMPTS", seconds);
        }
        try {
            profile.changeOwnPassword(caller.accountId(), currentPassword, newPassword);
        } catch (WrongPassword wrong) {
            throttle.failed(keys);
            throw wrong;
        }
    }
}
