package io.roster.support;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in throttle table is shared by every context of a PostgreSQL pass: a test that fails
 * sign-ins on purpose forgets them afterwards, so that no later test finds an address, an account
 * or a device already counted against.
 */
public final class FailedSignIns {

    private FailedSignIns() {
    }

    /** Forgets the failures counted against any client address and against these accounts and their devices. */
    public static void forget(JdbcClient jdbc, Collection<String> accountIds) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key LIKE 'address:%'").update();
        for (String account : accountIds) {
            jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = ? OR throttle_key LIKE ?")
                    .params("account:" + account, "device:" + account + ":%").update();
        }
    }
}
