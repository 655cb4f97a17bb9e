package io.roster.invitations;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Absolute links written into mails, from the public URL people reach Roster at
 * ({@code ROSTER_PUBLIC_URL}; by default this server's own address). Read at each use, because
 * the server's port is only known once it listens.
 */
@Component
class Links {

    private final Environment environment;

    Links(Environment environment) {
        this.environment = environment;
    }

    String invitation(String token) {
        String base = environment.getRequiredProperty("roster.public-url");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/invitations/" + token;
    }
}
