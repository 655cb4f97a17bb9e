package io.roster.mail;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Masks the token of links into Roster ({@code /invitations/<token>} becomes
 * {@code /invitations/••••}) in what is kept of a mail once it left, and in what the operator's
 * mail view shows: a link is a bearer secret meant for its recipient alone. Without SMTP server
 * mails never leave and the operator's view is how links are delivered, so nothing is masked then.
 */
@Component
class LinkMasking {

    static final String MASK = "••••";
    // the one route of Roster whose path carries a secret (invitation, reset and confirmation links,
    // and the keep/remove links of guest reviews under /invitations/reviews/)
    private static final Pattern TOKEN_LINK = Pattern.compile("(/invitations/(?:reviews/)?)[A-Za-z0-9_-]+");

    private final boolean masking;

    LinkMasking(MailTransport transport) {
        this.masking = !transport.linksStayReadable();
    }

    /** {@code body} as it may be kept after delivery or shown to the operator. */
    String kept(String body) {
        return masking ? mask(body) : body;
    }

    static String mask(String body) {
        return body == null ? null : TOKEN_LINK.matcher(body).replaceAll("$1" + MASK);
    }
}
