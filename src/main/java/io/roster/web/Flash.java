package io.roster.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-line outcome a page shows after a redirect ("Saved.", or why it was refused). Plain
 * strings: flash attributes live in the database-backed session.
 */
final class Flash {

    static final String TEXT = "flashText";
    static final String KIND = "flashKind";

    private Flash() {
    }

    static void done(RedirectAttributes redirect, String text) {
        redirect.addFlashAttribute(TEXT, text);
        redirect.addFlashAttribute(KIND, "notice");
    }

    /** Done, but not as asked: e.g. a user saved as a draft because no license is free. */
    static void warn(RedirectAttributes redirect, String text) {
        redirect.addFlashAttribute(TEXT, text);
        redirect.addFlashAttribute(KIND, "warning");
    }

    static void refused(RedirectAttributes redirect, String text) {
        redirect.addFlashAttribute(TEXT, text);
        redirect.addFlashAttribute(KIND, "error");
    }
}
