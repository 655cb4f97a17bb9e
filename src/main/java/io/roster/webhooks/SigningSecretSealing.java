package io.roster.webhooks;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals, at start, the signing secrets written in the clear before they were encrypted at rest
 * (migration V29 only widened the columns: SQL cannot encrypt with a key from the configuration).
 * Each row is updated only if it still holds the clear value, so nodes starting together do not
 * seal a secret twice. Until then, the dispatcher reads a clear value as it is.
 */
@Component
class SigningSecretSealing {

    private static final Logger log = LoggerFactory.getLogger(SigningSecretSealing.class);

    private final JdbcClient jdbc;
    private final SigningSecretVault vault;

    SigningSecretSealing(JdbcClient jdbc, SigningSecretVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @EventListener(ApplicationStartedEvent.class)
    void atStart() {
        int sealed = sealClearSecrets();
        if (sealed > 0) {
            log.info("Sealed {} webhook signing secrets stored in the clear", sealed);
        }
    }

    /** @return how many secrets (current or previous) this call sealed */
    int sealClearSecrets() {
        record Row(String id, String secret, String previous) {
        }
        List<Row> clear = jdbc.sql("SELECT id, secret, previous_secret FROM webhook_endpoints WHERE secret LIKE 'whsec!_%'"
                        + " ESCAPE '!' OR previous_secret LIKE 'whsec!_%' ESCAPE '!'")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        int sealed = 0;
        for (Row row : clear) {
            if (!SigningSecretVault.isSealed(row.secret())) {
                sealed += jdbc.sql("UPDATE webhook_endpoints SET secret = ? WHERE id = ? AND secret = ?")
                        .params(vault.seal(row.id(), row.secret()), row.id(), row.secret()).update();
            }
            if (row.previous() != null && !SigningSecretVault.isSealed(row.previous())) {
                sealed += jdbc.sql("UPDATE webhook_endpoints SET previous_secret = ? WHERE id = ? AND previous_secret = ?")
                        .params(vault.seal(row.id(), row.previous()), row.id(), row.previous()).update();
            }
        }
        return sealed;
    }
}
