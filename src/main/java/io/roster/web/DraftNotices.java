package io.roster.web;

import io.roster.access.CompanyAccess;
import io.roster.access.Permission;
import io.roster.users.UserRow;
import io.roster.users.ValidationCode;
import io.roster.users.ValidationTexts;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The amber message after a creation or an activation that left the row a DRAFT (or INACTIVE):
 * every problem of its validation result, in the reader's language, and, when a license is what is
 * missing, the way forward: a link to Plan &amp; billing for whoever may open it, else the advice to
 * ask an administrator (docs/rules.md §17).
 */
@Component
class DraftNotices {

    /** The model (and flash) attribute the fragment {@code fragments/draft :: notice} reads. */
    static final String ATTRIBUTE = "draftNotice";

    /** What the fragment shows; plain strings, since flash attributes live in the database-backed session. */
    record DraftNotice(String title, List<String> reasons, String billingHref, boolean askAdministrator)
            implements Serializable {

        DraftNotice {
            reasons = List.copyOf(reasons);
        }
    }

    private final ValidationTexts texts;
    private final MessageSource messages;

    DraftNotices(ValidationTexts texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    /** The notice for a row an activation did not make ACTIVE, as {@code access} may act on it. */
    DraftNotice of(UserRow row, String label, CompanyAccess access, Locale locale) {
        boolean noLicense = row.validationResult() != null
                && (row.validationResult().codes().contains(ValidationCode.NO_LICENSE)
                        || row.validationResult().codes().contains(ValidationCode.WAITING_FOR_LICENSE));
        boolean mayOpenBilling = access.has(Permission.BILLING_MANAGE);
        String title = messages.getMessage("draft.notice.title." + row.status().name(), new Object[] {label}, locale);
        return new DraftNotice(title, texts.lines(row.validationResult(), locale),
                noLicense && mayOpenBilling ? "/companies/" + access.company().value() + "/billing" : null,
                noLicense && !mayOpenBilling);
    }

    void flash(RedirectAttributes redirect, DraftNotice notice) {
        redirect.addFlashAttribute(ATTRIBUTE, notice);
    }

    void show(Model model, DraftNotice notice) {
        model.addAttribute(ATTRIBUTE, notice);
    }
}
