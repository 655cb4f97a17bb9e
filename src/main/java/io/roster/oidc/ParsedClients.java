package io.roster.oidc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Spring's mapping of a registered client's row (its settings are JSON, parsed by Jackson with the
 * security modules' typing), done once per content of the row: the client of a row equal, column by
 * column, to the one it was made from before is that same client again (a {@link RegisteredClient}
 * cannot be changed). The row itself is still read at every request, so a secret rotated, a client
 * deleted or edited on any node is seen at the very next request, as before; only the parsing of
 * an unchanged row is saved. One entry per client id, the latest row read.
 */
final class ParsedClients implements RowMapper<RegisteredClient> {

    private static final String[] COLUMNS = {"id", "client_id", "client_id_issued_at", "client_secret",
            "client_secret_expires_at", "client_name", "client_authentication_methods", "authorization_grant_types",
            "redirect_uris", "post_logout_redirect_uris", "scopes", "client_settings", "token_settings"};
    /** Far above the clients an operator registers: past it, the entries start again from none. */
    private static final int MOST = 1_000;

    private final RowMapper<RegisteredClient> spring;
    private final Map<String, Parsed> byId = new ConcurrentHashMap<>();

    ParsedClients(RowMapper<RegisteredClient> spring) {
        this.spring = spring;
    }

    /** A row as read (every column as text) and the client made from it. */
    private record Parsed(List<String> row, RegisteredClient client) {
    }

    @Override
    public RegisteredClient mapRow(ResultSet rs, int rowNum) throws SQLException {
        List<String> row = new ArrayList<>(COLUMNS.length);
        for (String column : COLUMNS) {
            row.add(rs.getString(column));
        }
        String id = row.getFirst();
        Parsed parsed = byId.get(id);
        if (parsed != null && parsed.row().equals(row)) {
            return parsed.client();
        }
        RegisteredClient client = spring.mapRow(rs, rowNum);
        if (client != null) {
            if (byId.size() >= MOST) {
                byId.clear();
            }
            byId.put(id, new Parsed(row, client));
        }
        return client;
    }
}
