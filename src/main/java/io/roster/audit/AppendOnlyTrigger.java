package io.roster.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the append-only rule (PostgreSQL has a PL/pgSQL trigger): refuses every UPDATE and
 * DELETE of {@code audit_entries}. H2 stores this class's name in the schema (migration V5_1), so
 * it must keep its name and package.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_entries is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                "42501");
    }
}
