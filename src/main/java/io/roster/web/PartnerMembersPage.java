package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.PartnerRole;
import io.roster.access.PartnerStaff;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Partner;
import io.roster.users.NewStaff;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner space's own people: every member sees them; a partner administrator adds them
 * (their accounts belong to the partner) and removes them (the account goes too).
 */
@Controller
@RequestMapping("/partners/{partnerId}/members")
class PartnerMembersPage {

    static final int PAGE_SIZE = 50;

    private final PartnerSpace space;
    private final PartnerStaff staff;
    private final Refusals wording;
    private final MessageSource messages;

    PartnerMembersPage(PartnerSpace space, PartnerStaff staff, Refusals wording, MessageSource messages) {
        this.space = space;
        this.staff = staff;
        this.wording = wording;
        this.messages = messages;
    }

    /** The add-member form as typed; the password is never sent back. */
    record MemberForm(String userId, String firstName, String lastName, String email, String password,
            Boolean emailVerified, String role, String locale) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String cursor, Model model) {
        Partner partner = space.open(caller, partnerId);
        model.addAttribute("partner", partner);
        model.addAttribute("admin", space.isAdmin(caller, partner));
        model.addAttribute("me", caller.accountId());
        model.addAttribute("page", staff.list(partner.id(), FormInput.page(PAGE_SIZE, cursor)));
        model.addAttribute("cursor", cursor);
        return "partner/members";
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId, Locale locale, Model model) {
        Partner partner = space.administer(caller, partnerId);
        return showForm(partner, new MemberForm("", "", "", "", null, true, PartnerRole.PARTNER_USER_MANAGER.name(),
                "fr".equals(locale.getLanguage()) ? "fr" : "en"), Map.of(), model);
    }

    @PostMapping
    String add(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId, MemberForm form, Locale locale,
            Model model, RedirectAttributes redirect) {
        Partner partner = space.administer(caller, partnerId);
        PartnerRole role = PartnerRole.PARTNER_ADMIN.name().equals(form.role()) ? PartnerRole.PARTNER_ADMIN
                : PartnerRole.PARTNER_USER_MANAGER;
        String memberLocale = "fr".equals(form.locale()) ? "fr" : "en";
        try {
            PartnerStaff.Member member = staff.add(partner.id(), new NewStaff(FormInput.orNull(form.userId()),
                    FormInput.orNull(form.firstName()), FormInput.orNull(form.lastName()), FormInput.orNull(form.email()),
                    FormInput.orNull(form.password()), Boolean.TRUE.equals(form.emailVerified()), memberLocale), role);
            Flash.done(redirect, messages.getMessage("partner.members.added", new Object[] {member.userId(),
                    messages.getMessage("partner.partnerRole." + role.name(), null, locale)}, locale));
            return "redirect:/partners/" + partner.id() + "/members";
        } catch (ProblemException refused) {
            MemberForm kept = new MemberForm(form.userId(), form.firstName(), form.lastName(), form.email(), null,
                    form.emailVerified(), role.name(), memberLocale);
            return showForm(partner, kept, wording.byField(refused, form.userId(), locale), model);
        }
    }

    @GetMapping("/{accountId}/remove")
    String confirmRemoval(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String accountId, Model model) {
        Partner partner = space.administer(caller, partnerId);
        model.addAttribute("partner", partner);
        model.addAttribute("member", staff.find(partner.id(), accountId));
        model.addAttribute("self", accountId.equals(caller.accountId()));
        return "partner/member-remove";
    }

    @PostMapping("/{accountId}/remove")
    String remove(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String accountId, Locale locale, RedirectAttributes redirect) {
        Partner partner = space.administer(caller, partnerId);
        PartnerStaff.Member member = staff.find(partner.id(), accountId);
        try {
            staff.remove(partner.id(), accountId, caller);
            Flash.done(redirect, messages.getMessage("partner.members.removed", new Object[] {member.userId()}, locale));
        } catch (ProblemException refused) {
            Flash.refused(redirect, wording.partner(refused, member.userId(), locale));
        }
        return "redirect:/partners/" + partner.id() + "/members";
    }

    private static String showForm(Partner partner, MemberForm form, Map<String, String> errors, Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", List.of(PartnerRole.PARTNER_USER_MANAGER.name(), PartnerRole.PARTNER_ADMIN.name()));
        return "partner/member-new";
    }
}
