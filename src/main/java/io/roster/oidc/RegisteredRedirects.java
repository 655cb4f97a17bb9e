package io.roster.oidc;

import io.roster.shared.OutsideRedirects;
import java.net.URI;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets the edge keep redirects to a registered app whole: the authorization server answers at the
 * client's redirect URI (a code or an error) and, after an RP-initiated logout, at its post-logout
 * URI. A redirect counts as registered when it is one of those URIs, exactly, followed only by the
 * parameters the server adds. Asked only for absolute redirects to other sites, which nothing else
 * in Roster makes.
 */
@Component
class RegisteredRedirects implements OutsideRedirects {

    private final JdbcClient jdbc;

    RegisteredRedirects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean allows(URI target) {
        String location = target.toString();
        List<String> registered = jdbc.sql("SELECT redirect_uris, post_logout_redirect_uris FROM oauth2_registered_client")
                .query((rs, n) -> (nullToEmpty(rs.getString(1)) + "," + nullToEmpty(rs.getString(2))))
                .list();
        for (String uris : registered) {
            for (String uri : uris.split(",")) {
                if (!uri.isBlank() && matches(location, uri.strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(String location, String uri) {
        if (!location.startsWith(uri)) {
            return false;
        }
        if (location.length() == uri.length()) {
            return true;
        }
        char next = location.charAt(uri.length());
        return next == '?' && !uri.contains("?") || next == '&' && uri.contains("?");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
