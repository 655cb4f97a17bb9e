package io.roster.access;

import io.roster.shared.SealedSecrets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals, at start, the authenticator apps' secrets written in the clear before they were encrypted
 * at rest (migration V81 only widened the column: SQL cannot encrypt with a key from the
 * configuration). Each row is updated only if it still holds the clear value, so nodes starting
 * together do not seal a secret twice. Until then, a clear value is read as it is.
 */
@Component
class TotpSecretSealing {

    private static final Logger log = LoggerFactory.getLogger(TotpSecretSealing.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TotpSecretVault vault;

    TotpSecretSealing(JdbcClient jdbc, TotpSecretVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @EventListener(ApplicationStartedEvent.class)
    void atStart() {
        int sealed = sealClearSecrets();
        if (sealed > 0) {
            log.info("Sealed {} authenticator app secrets stored in the clear", sealed);
        }
    }

    /** @return how many secrets this call sealed */
    int sealClearSecrets() {
        record Row(String accountId, String secret) {
        }
        int sealed = 0;
        String after = "";
        while (true) {
            List<Row> rows = jdbc.sql("SELECT account_id, secret FROM totp_factors WHERE account_id > ?"
                            + " AND secret NOT LIKE 'v1:%' ORDER BY account_id FETCH FIRST " + BATCH + " ROWS ONLY")
                    .param(after).query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).list();
            for (Row row : rows) {
                if (!SealedSecrets.isSealed(row.secret())) {
                    sealed += jdbc.sql("UPDATE totp_factors SET secret = ? WHERE account_id = ? AND secret = ?")
                            .params(vault.seal(row.accountId(), row.secret()), row.accountId(), row.secret()).update();
                }
            }
            if (rows.size() < BATCH) {
                return sealed;
            }
            after = rows.get(rows.size() - 1).accountId();
        }
    }
}
