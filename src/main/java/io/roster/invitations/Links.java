package io.roster.invitations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute links written into mails, from the public URL people reach Roster at. */
@Component
class Links {

    private final String base;

    Links(@Value("${roster.public-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String invitation(String token) {
        return base + "/invitations/" + token;
    }
}
