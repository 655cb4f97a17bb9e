package io.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

class SlotTemplateTests {

    private final SlotTemplate html = SlotTemplate.parse("<p>{{intro}}</p>{{#link}}<a href=\"{{link}}\">{{action}}</a>{{/link}}!",
            HtmlUtils::htmlEscape);

    @Test
    void fillsSlotsAndKeepsASectionOnlyWhenItsValueIsPresent() {
        assertThat(html.fill(Map.of("intro", "Hello", "link", "https://x.example/a?b=1", "action", "Open")))
                .isEqualTo("<p>Hello</p><a href=\"https://x.example/a?b=1\">Open</a>!");
        assertThat(html.fill(Map.of("intro", "Hello"))).isEqualTo("<p>Hello</p>!");
        assertThat(html.fill(Map.of("intro", "Hello", "link", ""))).isEqualTo("<p>Hello</p>!");
    }

    @Test
    void escapesEveryValueOfAnHtmlLayout() {
        assertThat(html.fill(Map.of("intro", "<script>alert('x')</script> & \"co\"")))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</p>!");
    }

    @Test
    void aTextLayoutKeepsValuesAsTheyAre() {
        SlotTemplate text = SlotTemplate.parse("{{intro}}\n{{#expiry}}{{expiry}}\n{{/expiry}}--", value -> value);
        assertThat(text.fill(Map.of("intro", "A & B <c>", "expiry", "soon"))).isEqualTo("A & B <c>\nsoon\n--");
    }

    @Test
    void nestedSectionsAndMalformedLayouts() {
        SlotTemplate nested = SlotTemplate.parse("{{#a}}A{{#b}}B{{b}}{{/b}}{{/a}}.", value -> value);
        assertThat(nested.fill(Map.of("a", "1", "b", "2"))).isEqualTo("AB2.");
        assertThat(nested.fill(Map.of("b", "2"))).isEqualTo(".");
        assertThatThrownBy(() -> SlotTemplate.parse("{{#a}}x", v -> v)).hasMessageContaining("not closed");
        assertThatThrownBy(() -> SlotTemplate.parse("{{/a}}", v -> v)).hasMessageContaining("closes no open section");
        assertThatThrownBy(() -> SlotTemplate.parse("{{a", v -> v)).hasMessageContaining("Unclosed");
    }
}
