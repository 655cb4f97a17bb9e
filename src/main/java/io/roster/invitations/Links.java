package io.roster.invitations;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute links written into mails, from the public URL people reach Roster at
 * ({@code ROSTER_PUBLIC_URL}; by default this server's own address). Resolved until the server
 * listens (its port is only known then), and kept from then on: resolving the placeholder chain
 * walks every property source, which cost a noticeable share of a user creation.
 */
@Component
class Links {

    private final Environment environment;
    private volatile String base;

    Links(Environment environment) {
        this.environment = environment;
    }

    String invitation(String token) {
        return base() + "/invitations/" + token;
    }

    private String base() {
        String known = base;
        if (known != null) {
            return known;
        }
        String resolved = environment.getRequiredProperty("roster.public-url");
        resolved = resolved.endsWith("/") ? resolved.substring(0, resolved.length() - 1) : resolved;
        if (environment.containsProperty("local.server.port")) {
            base = resolved;
        }
        return resolved;
    }
}
