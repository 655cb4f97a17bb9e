package io.roster.invitations;

import io.roster.shared.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The settings of the invitations module: {@code roster.invitations.*} and {@code roster.retention.links}. */
@ConfigurationProperties("roster")
record InvitationProperties(@DefaultValue Lifetimes invitations, @DefaultValue Kept retention) {

    /**
     * How long mailed links work.
     *
     * @param lifetime account-setup and workspace invitations ({@code ROSTER_INVITATION_LIFETIME})
     * @param resetLifetime password resets ({@code ROSTER_PASSWORD_RESET_LIFETIME})
     * @param emailCancelLifetime the link that lets the old address cancel an email change
     *        ({@code ROSTER_EMAIL_CHANGE_CANCEL_LIFETIME})
     */
    record Lifetimes(@DefaultValue("PT72H") Duration lifetime, @DefaultValue("PT1H") Duration resetLifetime,
            @DefaultValue("P14D") Duration emailCancelLifetime) {
        Lifetimes {
            Settings.positive(lifetime, "roster.invitations.lifetime (ROSTER_INVITATION_LIFETIME)");
            Settings.positive(resetLifetime, "roster.invitations.reset-lifetime (ROSTER_PASSWORD_RESET_LIFETIME)");
            Settings.positive(emailCancelLifetime,
                    "roster.invitations.email-cancel-lifetime (ROSTER_EMAIL_CHANGE_CANCEL_LIFETIME)");
        }
    }

    /** @param links how long links are kept after they expired ({@code ROSTER_RETENTION_LINKS}) */
    record Kept(@DefaultValue("P30D") Duration links) {
        Kept {
            Settings.positive(links, "roster.retention.links (ROSTER_RETENTION_LINKS)");
        }
    }
}
