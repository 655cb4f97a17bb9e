package io.roster.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/**
 * axe-core (Deque's engine, run inside the page by its Playwright integration) over the page as it
 * stands: any browser test calls {@link #check(Page)} on the pages it reaches, and a page with a
 * single violation fails the test with each rule, its help and the elements it found.
 */
public final class Axe {

    /** The WCAG 2.x levels A and AA rules, plus axe's best practices that the console follows. */
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");

    private Axe() {
    }

    /** Fails when axe finds any violation on the page. */
    public static void check(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
        assertThat(results.getErrorMessage()).as("axe ran on " + page.url()).isNull();
        assertThat(results.getViolations()).as(() -> "accessibility violations on " + page.url() + ":\n"
                + describe(results.getViolations())).isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + "\n" + rule.getNodes().stream().map(CheckedNode::getHtml).map(html -> "    " + html)
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }
}
