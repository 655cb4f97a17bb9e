package io.roster.web;

import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import java.util.Locale;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A module's refusal in the page's language: {@code admin.refusal.<field>} for a field error, else
 * {@code admin.refusal.<type>}, with the problem's properties as arguments in the order of their
 * names; a refusal without its own words shows the module's (English) detail.
 */
@Component
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    String of(ProblemException problem, Locale locale) {
        String key = "admin.refusal." + (problem.errors().isEmpty() ? problem.type() : problem.errors().getFirst().field());
        Object[] args = new TreeMap<>(problem.properties()).values().toArray();
        String text = messages.getMessage(key, args, null, locale);
        return text != null ? text : problem.detail();
    }

    /** The refusal in the reader's words when its type has them, else what the problem says. */
    String ofTypeOr(ProblemException problem, Locale locale, String otherwise) {
        String text = messages.getMessage("admin.refusal." + problem.type(), null, null, locale);
        return text != null ? text : otherwise;
    }

    /**
     * Runs a change of a form and tells how it went on the page the form redirects to: the notice
     * {@code noticeKey}, or the refusal in words. Refusals of the caller's standing keep their 403
     * and 404 pages (no form of the console leads there).
     */
    boolean attempt(Locale locale, RedirectAttributes redirect, String noticeKey, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", noticeKey);
            return true;
        } catch (Problems.Forbidden | Problems.NotFound refused) {
            throw refused;
        } catch (ProblemException refused) {
            redirect.addFlashAttribute("error", of(refused, locale));
            return false;
        }
    }
}
