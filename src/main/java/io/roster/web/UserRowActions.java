package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.RoleAssignments;
import io.roster.invitations.Invitations;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.users.ActivationOutcome;
import io.roster.users.UserEdit;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a row of the Users table does in place: activate or deactivate (the validation result shows
 * at once), invite, delete, and inline edits of the editable cells. Each answers the row again
 * (htmx swaps it), with the refusal's reason when there is one.
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

    UserRowActions(Guard guard, UserLifecycle lifecycle, RoleAssignments assignments, Invitations invitations,
            Refusals refusals, RoleLabels roleLabels, DraftNotices drafts, MessageSource messages) {
        this.drafts = drafts;
        this.messages = messages;
        this.refusals = refusals;
        this.roleLabels = roleLabels;
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.assignments = assignments;
        this.invitations = invitations;
    }

    @PostMapping("/activate")
    String activate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(required = false) String back, RedirectAttributes redirect, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        String answer = act(caller, companyId, id, htmx, model, company -> {
            ActivationOutcome outcome = lifecycle.activate(company, id);
            if (!outcome.activated()) {
                // every reason at once, and the way forward (Plan & billing, or ask an administrator)
                drafts.show(model, drafts.of(outcome.row(), PartnerUserLines.label(outcome.row()), access,
                        LocaleContextHolder.getLocale()));
            }
            return null;
        });
        // a plain form post (no htmx) cannot be answered the row: the user's page says how it went,
        // the draft notice included, which a redirect to the table would drop
        return toProfile(htmx == null ? "profile" : back, companyId, id, model, redirect, "users.row.activated", answer);
    }

    @PostMapping("/deactivate")
    String deactivate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(required = false) String back, RedirectAttributes redirect, Model model) {
        String answer = act(caller, companyId, id, htmx, model, company -> {
            lifecycle.deactivate(company, id);
            return null;
        });
        return toProfile(back, companyId, id, model, redirect, "users.row.deactivated", answer);
    }

    /** From the user page, the action goes back there, saying what happened or why it was refused. */
    private String toProfile(String back, String companyId, String id, Model model, RedirectAttributes redirect,
            String doneKey, String answer) {
        if (!"profile".equals(back)) {
            return answer;
        }
        Object refused = model.getAttribute("rowError");
        Object draft = model.getAttribute(DraftNotices.ATTRIBUTE);
        if (refused != null) {
            Flash.warn(redirect, refused.toString());
        } else if (draft instanceof DraftNotices.DraftNotice notice) {
            // an activation that left the row a DRAFT: the page says why, as the table does
            drafts.flash(redirect, notice);
        } else {
            Flash.done(redirect, messages.getMessage(doneKey, null, LocaleContextHolder.getLocale()));
        }
        return "redirect:/companies/" + companyId + "/users/" + id;
    }

    @PostMapping("/invite")
    String invite(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(required = false) String back, Model model) {
        String answer = act(caller, companyId, id, htmx, model, company -> {
            invitations.sendAccountSetup(company, id, caller.accountId());
            model.addAttribute("rowNotice", "users.row.invited");
            return null;
        });
        return "profile".equals(back) ? "redirect:/companies/" + companyId + "/users/" + id : answer;
    }

    @PostMapping("/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        try {
            guard.requireOutranks(access, id);
            UserRow gone = lifecycle.row(access.company(), id);
            lifecycle.delete(access.company(), id, null);
            // the row gives way to a line saying the deletion happened, in its place
            model.addAttribute("deletedLabel", PartnerUserLines.label(gone));
            if (htmx == null) {
                Flash.done(redirect, messages.getMessage("users.row.deleted", new Object[] {PartnerUserLines.label(gone)},
                        LocaleContextHolder.getLocale()));
                return "redirect:/companies/" + companyId + "/users";
            }
            return "users/list :: deleted";
        } catch (ProblemException refused) {
            return row(access, id, refusals.ofTypeOr(refused, LocaleContextHolder.getLocale(), refused.detail()), htmx, model);
        }
    }

    /** The editor of one cell; immutable cells (and external rows) have none. */
    @GetMapping("/edit/{field}")
    String editor(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @PathVariable String field, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        UserRow row = lifecycle.row(access.company(), id);
        requireEditable(row, field);
        guard.requireOutranks(access, id);
        model.addAttribute("companyId", companyId);
        model.addAttribute("user", row);
        model.addAttribute("field", field);
        model.addAttribute("value", value(row, field));
        return "users/list :: editor";
    }

    @PostMapping("/edit/{field}")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @PathVariable String field, @RequestParam(required = false) String value,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return act(caller, companyId, id, htmx, model, company -> {
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
    }

    private String act(Caller caller, String companyId, String id, String htmx, Model model, Action action) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        String message;
        try {
            guard.requireOutranks(access, id);
            message = action.run(access.company());
        } catch (ProblemException refused) {
            message = refusals.ofTypeOr(refused, LocaleContextHolder.getLocale(), refused.firstMessage());
        }
        return row(access, id, message, htmx, model);
    }

    private String row(CompanyAccess access, String id, String message, String htmx, Model model) {
        model.addAttribute("rowError", message);
        if (htmx == null) {
            return "redirect:/companies/" + access.company() + "/users";
        }
        UserRow row = lifecycle.row(access.company(), id);
        model.addAttribute("companyId", access.company().value());
        model.addAttribute("user", row);
        model.addAttribute("canManage", true);
        Map<String, java.util.List<String>> roleIds = Map.of(row.id(), assignments.roleIdsOf(access.company(), row.id()));
        model.addAttribute("roleCells", roleLabels.cells(access.company(), roleIds, LocaleContextHolder.getLocale()));
        model.addAttribute("rowError", message);
        return "users/list :: row";
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
