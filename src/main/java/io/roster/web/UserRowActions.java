package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.RoleAssignments;
import io.roster.invitations.Invitations;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Partner;
import io.roster.users.ActivationOutcome;
import io.roster.users.UserEdit;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a row of the Users table does, in the company's table and in the partner space's alike:
 * activate or deactivate (the validation result shows at once), invite, delete, and inline edits of
 * the editable cells. With htmx each answers the row again, with the refusal's reason when there
 * is one; a plain form post (no script, or the user page) goes back to the page it came from
 * ({@code back}) with the outcome as a flash message. {@code partnerId} (a partner-space table)
 * only words the row as that table shows it; the check is the company's, where partner staff act
 * through their partner role.
 */
@Controller
@RequestMapping("/companies/{companyId}/users/{id}")
class UserRowActions {

    private static final Set<String> EDITABLE = Set.of("userId", "firstName", "lastName", "email");

    private final Guard guard;
    private final UserLifecycle lifecycle;
    private final RoleAssignments assignments;
    private final Invitations invitations;
    private final Refusals refusals;
    private final RoleLabels roleLabels;
    private final DraftNotices drafts;
    private final MessageSource messages;
    private final PartnerSpace space;
    private final PartnerUserLines partnerLines;
    private final ManageableRows manageable;

    UserRowActions(Guard guard, UserLifecycle lifecycle, RoleAssignments assignments, Invitations invitations,
            Refusals refusals, RoleLabels roleLabels, DraftNotices drafts, MessageSource messages, PartnerSpace space,
            PartnerUserLines partnerLines, ManageableRows manageable) {
        this.manageable = manageable;
        this.drafts = drafts;
        this.messages = messages;
        this.refusals = refusals;
        this.roleLabels = roleLabels;
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.assignments = assignments;
        this.invitations = invitations;
        this.space = space;
        this.partnerLines = partnerLines;
    }

    /** Where the action was asked from: the table (which page of it), a user page, and in which space. */
    record From(String htmx, String back, String partnerId) {
    }

    @PostMapping("/activate")
    String activate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(required = false) String back, @RequestParam(required = false) String partnerId,
            RedirectAttributes redirect, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        From from = new From(htmx, back, partnerId);
        String answer = act(caller, companyId, id, from, model, company -> {
            ActivationOutcome outcome = lifecycle.activate(company, id);
            if (!outcome.activated()) {
                // every reason at once, and the way forward (Plan & billing, or ask an administrator)
                drafts.show(model, drafts.of(outcome.row(), PartnerUserLines.label(outcome.row()), access,
                        LocaleContextHolder.getLocale()));
            }
            return null;
        });
        return backTo(from, companyId, id, model, redirect, "users.row.activated", answer);
    }

    @PostMapping("/deactivate")
    String deactivate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(required = false) String back, @RequestParam(required = false) String partnerId,
            RedirectAttributes redirect, Model model) {
        From from = new From(htmx, back, partnerId);
        String answer = act(caller, companyId, id, from, model, company -> {
            lifecycle.deactivate(company, id);
            return null;
        });
        return backTo(from, companyId, id, model, redirect, "users.row.deactivated", answer);
    }

    @PostMapping("/invite")
    String invite(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(required = false) String back, @RequestParam(required = false) String partnerId,
            RedirectAttributes redirect, Model model) {
        From from = new From(htmx, back, partnerId);
        String answer = act(caller, companyId, id, from, model, company -> {
            invitations.sendAccountSetup(company, id, caller.accountId());
            model.addAttribute("rowNotice", "users.row.invited");
            return null;
        });
        return backTo(from, companyId, id, model, redirect, "users.row.invited", answer);
    }

    @PostMapping("/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(required = false) String back, @RequestParam(required = false) String partnerId,
            RedirectAttributes redirect, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        From from = new From(htmx, back, partnerId);
        try {
            guard.requireOutranks(access, id);
            UserRow gone = lifecycle.row(access.company(), id);
            lifecycle.delete(access.company(), id, null);
            String label = PartnerUserLines.label(gone);
            if (htmx == null) {
                Flash.done(redirect, messages.getMessage("users.row.deleted", new Object[] {label},
                        LocaleContextHolder.getLocale()));
                // the user page of someone deleted is gone: back to the table it belongs to
                String to = safe(back);
                return "redirect:" + (to == null || to.contains("/users/") ? listOf(companyId, partnerId) : to);
            }
            // the row gives way to a line saying the deletion happened, in its place
            inSpace(caller, from, companyId, model);
            model.addAttribute("deletedLabel", label);
            return "fragments/users-table :: deleted";
        } catch (ProblemException refused) {
            String message = refusals.ofTypeOr(refused, LocaleContextHolder.getLocale(), refused.detail());
            return backTo(from, companyId, id, model, redirect, null, row(caller, access, id, message, from, model));
        }
    }

    /** The editor of one cell; immutable cells (and external rows) have none. */
    @GetMapping("/edit/{field}")
    String editor(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @PathVariable String field, @RequestParam(required = false) String partnerId, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        UserRow row = lifecycle.row(access.company(), id);
        requireEditable(row, field);
        guard.requireOutranks(access, id);
        inSpace(caller, new From(null, null, partnerId), companyId, model);
        model.addAttribute("companyId", companyId);
        model.addAttribute("user", row);
        model.addAttribute("field", field);
        model.addAttribute("value", value(row, field));
        model.addAttribute("base", "/companies/" + companyId + "/users/" + id);
        model.addAttribute("inSpace", partnerId == null ? "" : "?partnerId=" + partnerId);
        return "fragments/users-table :: editor";
    }

    @PostMapping("/edit/{field}")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @PathVariable String field, @RequestParam(required = false) String value,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(required = false) String partnerId, RedirectAttributes redirect, Model model) {
        From from = new From(htmx, null, partnerId);
        String answer = act(caller, companyId, id, from, model, company -> {
            requireEditable(lifecycle.row(company, id), field);
            UserRow before = lifecycle.row(company, id);
            UserRow after = lifecycle.edit(company, id, new UserEdit(field.equals("userId") ? value : null,
                    field.equals("firstName") ? value : null, field.equals("lastName") ? value : null,
                    field.equals("email") ? value : null), null);
            if (field.equals("email") && before.accountExists() && !after.email().equals(value == null ? null : value.trim())) {
                // the row keeps the confirmed address until the new one confirms
                model.addAttribute("rowNotice", "users.row.emailPending");
            }
            return null;
        });
        return backTo(from, companyId, id, model, redirect, "users.details.saved", answer);
    }

    /**
     * The answer of an action: the row for htmx; otherwise a redirect to where the person was (the
     * table's page, or the user page: {@code back} "profile" or a console address), saying what
     * happened or why it was refused.
     */
    private String backTo(From from, String companyId, String id, Model model, RedirectAttributes redirect,
            String doneKey, String answer) {
        if (from.htmx() != null && !"profile".equals(from.back())) {
            return answer;
        }
        Object refused = model.getAttribute("rowError");
        Object draft = model.getAttribute(DraftNotices.ATTRIBUTE);
        if (refused != null) {
            Flash.warn(redirect, refused.toString());
        } else if (draft instanceof DraftNotices.DraftNotice notice) {
            // an activation that left the row a DRAFT: the page says why, as the table does
            drafts.flash(redirect, notice);
        } else if (doneKey != null) {
            Flash.done(redirect, messages.getMessage(doneKey, null, LocaleContextHolder.getLocale()));
        }
        if ("profile".equals(from.back())) {
            return "redirect:/companies/" + companyId + "/users/" + id;
        }
        String to = safe(from.back());
        return "redirect:" + (to != null ? to : listOf(companyId, from.partnerId()));
    }

    /**
     * {@code back} if it is an address of the console's tables or user pages on this site, else
     * null: never another site, whatever is posted.
     */
    static String safe(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return back.startsWith("/companies/") || back.startsWith("/partners/") ? back : null;
    }

    private static String listOf(String companyId, String partnerId) {
        return partnerId != null && !partnerId.isBlank() ? "/partners/" + partnerId + "/users"
                : "/companies/" + companyId + "/users";
    }

    private String act(Caller caller, String companyId, String id, From from, Model model, Action action) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        String message;
        try {
            guard.requireOutranks(access, id);
            message = action.run(access.company());
        } catch (ProblemException refused) {
            message = refusals.ofTypeOr(refused, LocaleContextHolder.getLocale(), refused.firstMessage());
        }
        return row(caller, access, id, message, from, model);
    }

    private String row(Caller caller, CompanyAccess access, String id, String message, From from, Model model) {
        model.addAttribute("rowError", message);
        if (from.htmx() == null) {
            return null;
        }
        UserRow row = lifecycle.row(access.company(), id);
        model.addAttribute("companyId", access.company().value());
        model.addAttribute("user", row);
        model.addAttribute("canManage", true);
        // as the table shows it: after a refusal for want of rank, the row offers "Open" only
        model.addAttribute("manageable", manageable.of(access, List.of(row)));
        model.addAttribute("here", safe(from.back()));
        if (!inSpace(caller, from, access.company().value(), model)) {
            Map<String, List<String>> roleIds = Map.of(row.id(), assignments.roleIdsOf(access.company(), row.id()));
            model.addAttribute("roleCells", roleLabels.cells(access.company(), roleIds, LocaleContextHolder.getLocale()));
        } else {
            Partner partner = space.open(caller, from.partnerId());
            @SuppressWarnings("unchecked")
            Map<String, String> names = (Map<String, String>) model.getAttribute("companyNames");
            model.addAttribute("roleCells", partnerLines.roleCells(partner, List.of(row), names,
                    LocaleContextHolder.getLocale()));
        }
        return "fragments/users-table :: row";
    }

    /**
     * In a partner-space table: the name of the row's company for the Company column, when the
     * partner reaches it (else the column shows its id, as the table does).
     */
    private boolean inSpace(Caller caller, From from, String companyId, Model model) {
        if (from.partnerId() == null || from.partnerId().isBlank()) {
            return false;
        }
        Partner partner = space.open(caller, from.partnerId());
        model.addAttribute("partnerId", partner.id().value());
        Map<String, String> names = new java.util.HashMap<>();
        try {
            names.put(companyId, space.attached(partner, companyId).name());
        } catch (ProblemException notReached) {
            // a company the partner does not reach now: named by its id
        }
        model.addAttribute("companyNames", names);
        return true;
    }

    private static void requireEditable(UserRow row, String field) {
        if (!EDITABLE.contains(field) || row.external() || (field.equals("userId") && row.accountExists())) {
            throw new io.roster.shared.Problems.Forbidden("This cell cannot be edited");
        }
    }

    private static String value(UserRow row, String field) {
        Map<String, Supplier<String>> values = Map.of("userId", row::userId, "firstName", row::firstName,
                "lastName", row::lastName, "email", row::email);
        return values.get(field).get();
    }

    @FunctionalInterface
    private interface Action {
        /** Does the change; answers a message to show on the row, or null. */
        String run(CompanyId company);
    }
}
