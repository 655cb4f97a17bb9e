package io.roster.web;

import io.roster.shared.FieldError;
import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A module's refusal in the page's language. Modules refuse with a problem type and, for what a
 * person must fix, coded field errors ({@code validation.<code>} with its arguments): this class
 * only looks words up, it never reads the module's English. The admin pages use
 * {@code admin.refusal.<field|type>}, the partner pages {@code partner.refused.<type>}; a refusal
 * without words of its own shows the module's detail.
 */
@Component
class Refusals {

    /** Problem types the partner pages word, with the subject (user or company) as {0}. */
    private static final Map<String, String> PARTNER = Map.ofEntries(
            Map.entry("user-active", "partner.refused.userActive"),
            Map.entry("user-draft", "partner.refused.userDraft"),
            Map.entry("user-not-active", "partner.refused.userNotActive"),
            Map.entry("slug-taken", "partner.refused.slugTaken"),
            Map.entry("licenses-in-use", "partner.refused.licensesInUse"),
            Map.entry("self-removal", "partner.refused.selfRemoval"),
            Map.entry("stale-etag", "partner.refused.stale"),
            Map.entry("external-user", "partner.refused.external"),
            Map.entry("grantee-not-active", "partner.refused.granteeNotActive"),
            Map.entry("outranked", "partner.refused.outranked"),
            Map.entry("role-too-strong", "partner.refused.roleTooStrong"),
            Map.entry("role-too-strong-to-remove", "partner.refused.roleTooStrongToRemove"),
            Map.entry("user-id-taken", "validation.USER_ID_TAKEN"),
            Map.entry("email-taken", "validation.EMAIL_TAKEN"));

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    String of(ProblemException problem, Locale locale) {
        if (!problem.errors().isEmpty() && problem.errors().getFirst().coded()) {
            return field(problem.errors().getFirst(), locale);
        }
        String key = "admin.refusal." + (problem.errors().isEmpty() ? typeOf(problem) : problem.errors().getFirst().field());
        Object[] args = new TreeMap<>(problem.properties()).values().toArray();
        String text = messages.getMessage(key, args, null, locale);
        return text != null ? text : problem.detail();
    }

    /** The refusal in the reader's words when its type has them, else what the problem says. */
    String ofTypeOr(ProblemException problem, Locale locale, String otherwise) {
        if (!problem.errors().isEmpty() && problem.errors().getFirst().coded()) {
            return field(problem.errors().getFirst(), locale);
        }
        String text = messages.getMessage("admin.refusal." + typeOf(problem), null, null, locale);
        return text != null ? text : otherwise;
    }

    /** Why an operation of a partner page was refused; {@code subject} names the user or company. */
    String partner(ProblemException problem, String subject, Locale locale) {
        String key = PARTNER.get(typeOf(problem));
        if (key != null) {
            Object used = problem.properties().getOrDefault("licensesUsed", "");
            return messages.getMessage(key, new Object[] {subject == null ? "" : subject, String.valueOf(used)}, locale);
        }
        if (!problem.errors().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (FieldError error : problem.errors()) {
                parts.add(messages.getMessage("partner.field." + error.field(), null, error.field(), locale)
                        + (french(locale) ? " : " : ": ") + field(error, locale));
            }
            return String.join(french(locale) ? " ; " : "; ", parts);
        }
        return problem.detail();
    }

    /**
     * A refusal spread over the form's fields, so each message sits by its field; a refusal of no
     * particular field goes under {@code "form"}.
     */
    Map<String, String> byField(ProblemException problem, String subject, Locale locale) {
        if (problem.errors().isEmpty()) {
            return Map.of("form", partner(problem, subject, locale));
        }
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : problem.errors()) {
            byField.merge(error.field(), field(error, locale), (a, b) -> a + (french(locale) ? " ; " : "; ") + b);
        }
        return byField;
    }

    /** One field's refusal: a coded one in the reader's words, "is required" too, else the module's words. */
    String field(FieldError error, Locale locale) {
        if (error.coded()) {
            return messages.getMessage("validation." + error.code(), error.args().toArray(), error.code(), locale);
        }
        if ("is required".equals(error.message())) {
            return messages.getMessage("partner.field.required", null, locale);
        }
        return error.message();
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

    /** The type, or the finer reason a problem of a generic type names (e.g. a 403 "role-too-strong"). */
    private static String typeOf(ProblemException problem) {
        return problem.properties().get("reason") instanceof String reason ? reason : problem.type();
    }

    /** French typography sets a space before ';' and ':'. */
    private static boolean french(Locale locale) {
        return "fr".equals(locale.getLanguage());
    }
}
