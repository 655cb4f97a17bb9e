package io.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class MailTemplatesTests {

    private final MailTemplates templates = new MailTemplates(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    @Test
    void aMailWithALinkShowsItInBothPartsWithItsExpiry() {
        MailTemplates.Rendered mail = templates.render(new MailRequest("ada@example.com", "en", MailKind.ACCOUNT_SETUP,
                List.of("Ada Lovelace", "Acme <Ltd>", "", 0), "https://roster.example/invitations/abc?x=1&y=2",
                Instant.parse("2026-12-01T10:15:00Z")));
        assertThat(mail.subject()).isNotBlank();
        assertThat(mail.text()).contains("https://roster.example/invitations/abc?x=1&y=2", "2026-12-01 10:15 UTC",
                "Acme <Ltd>", "--\nRoster");
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">",
                "href=\"https://roster.example/invitations/abc?x=1&amp;y=2\"", "Acme &lt;Ltd&gt;", "2026-12-01 10:15 UTC")
                .doesNotContain("{{", "Acme <Ltd>");
    }

    @Test
    void aMailWithoutALinkHasNoActionAndSpeaksTheRecipientsLanguage() {
        MailTemplates.Rendered mail = templates.render(new MailRequest("ada@example.com", "fr", MailKind.PASSWORD_CHANGED,
                List.of("Ada Lovelace"), null, null));
        assertThat(mail.html()).contains("<html lang=\"fr\">", "Roster — administration des utilisateurs")
                .doesNotContain("<a href", "{{");
        assertThat(mail.text()).doesNotContain("http", "{{").contains("administration des utilisateurs");
    }

    /** A setup mail names who invites only when someone does: never "Acme invites you to join Acme". */
    @Test
    void aSetupMailWithoutInviterDoesNotSayTheCompanyInvitesToItself() {
        for (String language : List.of("en", "fr")) {
            MailTemplates.Rendered alone = templates.render(new MailRequest("ada@example.com", language,
                    MailKind.ACCOUNT_SETUP, List.of("Ada Lovelace", "Acme", "", 0), null, null));
            assertThat(alone.text()).contains("Acme").doesNotContain("Acme invites", "Acme vous invite", "{", " ,");
            MailTemplates.Rendered invited = templates.render(new MailRequest("ada@example.com", language,
                    MailKind.ACCOUNT_SETUP, List.of("Ada Lovelace", "Acme", "Grace Hopper", 1), null, null));
            assertThat(invited.text()).contains(language.equals("fr") ? "Grace Hopper vous invite à rejoindre Acme"
                    : "Grace Hopper invites you to join Acme");
        }
    }
}
