package io.roster.web;

import io.roster.guests.Decision;
import io.roster.guests.GuestReviews;
import io.roster.shared.ProblemException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The keep and remove links of a guest review mail (docs/rules.md §8). The link is the
 * authorization: it was mailed to the reviewer. GET only shows a confirmation button, so a mail
 * scanner that opens links changes nothing; POST acts, once.
 */
@Controller
class GuestReviewPages {

    private final GuestReviews reviews;
    private final MessageSource messages;

    GuestReviewPages(GuestReviews reviews, MessageSource messages) {
        this.reviews = reviews;
        this.messages = messages;
    }

    @GetMapping("/invitations/reviews/{token}/{decision:keep|remove}")
    String confirm(@PathVariable String token, @PathVariable String decision, Model model, Locale locale) {
        Optional<GuestReviews.Opened> opened = reviews.open(token);
        show(model, token, decision, opened.orElse(null));
        if (opened.isEmpty()) {
            model.addAttribute("refusal", messages.getMessage("guestReview.unknown", null, locale));
        } else if (!opened.get().usable()) {
            model.addAttribute("refusal", messages.getMessage(opened.get().link().usedAt() != null ? "guestReview.used"
                    : "guestReview.expired", null, locale));
        }
        return "guest-review";
    }

    @PostMapping("/invitations/reviews/{token}/{decision:keep|remove}")
    String act(@PathVariable String token, @PathVariable String decision, Model model, Locale locale) {
        Decision chosen = Decision.valueOf(decision.toUpperCase(Locale.ROOT));
        Optional<GuestReviews.Opened> opened = reviews.open(token);
        show(model, token, decision, opened.orElse(null));
        try {
            reviews.decide(token, chosen);
            model.addAttribute("done", chosen == Decision.KEEP ? "guestReview.kept" : "guestReview.removed");
        } catch (ProblemException refused) {
            model.addAttribute("refusal", messages.getMessage("problem." + refused.code(), refused.args().toArray(),
                    refused.detail(), locale));
        }
        return "guest-review";
    }

    private static void show(Model model, String token, String decision, GuestReviews.Opened opened) {
        model.addAttribute("token", token);
        model.addAttribute("decision", decision);
        model.addAttribute("opened", opened);
    }
}
