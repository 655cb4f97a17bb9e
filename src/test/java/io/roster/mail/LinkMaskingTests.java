package io.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkMaskingTests {

    private static final String TOKEN = "IRbMPkeVxjjOht_0BpfFHsmtjmqBWHA379gr6Eto4iI";

    @Test
    void the_token_of_a_link_into_roster_is_masked_in_text_and_html() {
        String text = "Set up my account: https://roster.example.com/invitations/" + TOKEN + "\n\nThis link works once.";
        String html = "<a href=\"http://localhost:8080/invitations/" + TOKEN + "\">Set up</a> <span>http://localhost:8080/invitations/"
                + TOKEN + "/accept</span>";

        assertThat(LinkMasking.mask(text)).isEqualTo(
                "Set up my account: https://roster.example.com/invitations/\u2022\u2022\u2022\u2022\n\nThis link works once.");
        assertThat(LinkMasking.mask(html)).doesNotContain(TOKEN)
                .contains("href=\"http://localhost:8080/invitations/\u2022\u2022\u2022\u2022\"")
                .contains("/invitations/\u2022\u2022\u2022\u2022/accept");
        assertThat(LinkMasking.mask(LinkMasking.mask(text))).isEqualTo(LinkMasking.mask(text));
    }

    @Test
    void mails_stay_whole_when_they_never_leave_roster_and_are_masked_when_they_go_out_by_smtp() {
        String text = "http://localhost:8080/invitations/" + TOKEN;

        assertThat(new LinkMasking(new LoggedMail()).kept(text)).isEqualTo(text);
        assertThat(new LinkMasking((recipient, subject, body, html) -> { }).kept(text)).doesNotContain(TOKEN);
        assertThat(new LinkMasking(new LoggedMail()).kept(null)).isNull();
    }

    @Test
    void the_token_of_a_guest_review_link_is_masked_too() {
        String text = "Keep: http://roster.example/invitations/reviews/" + TOKEN + "/keep?lang=en";

        assertThat(LinkMasking.mask(text)).isEqualTo("Keep: http://roster.example/invitations/reviews/"
                + LinkMasking.MASK + "/keep?lang=en");
    }
}
