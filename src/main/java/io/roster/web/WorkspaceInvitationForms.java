package io.roster.web;

import io.roster.access.Caller;
import io.roster.invitations.WorkspaceInvitations;
import io.roster.shared.CompanyId;
import io.roster.workspaces.WorkspaceAccess;
import io.roster.workspaces.WorkspaceGuard;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Invite someone" on a workspace page (docs/rules.md §9): an email with a right; the pending
 * invitations are resent (a new link, the old one dies) or revoked. The link itself is only mailed.
 * Each form first asks {@link WorkspaceGuard#toManage}.
 */
@Controller
@RequestMapping("/companies/{companyId}/workspaces/{workspaceId}/invitations")
class WorkspaceInvitationForms {

    private final WorkspaceGuard guard;
    private final WorkspaceInvitations invitations;
    private final Refusals refusals;

    WorkspaceInvitationForms(WorkspaceGuard guard, WorkspaceInvitations invitations, Refusals refusals) {
        this.guard = guard;
        this.invitations = invitations;
        this.refusals = refusals;
    }

    @PostMapping
    String invite(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @RequestParam(required = false) String email,
            @RequestParam(required = false) String right, @RequestParam(required = false) String endsOn, Locale locale,
            RedirectAttributes redirect) {
        WorkspaceAccess access = guard.toManage(caller, new CompanyId(companyId), workspaceId);
        boolean sent = refusals.attempt(locale, redirect, "admin.invitations.sent",
                () -> invitations.invite(access, email, right, ConsoleDates.startOfDay(endsOn, "endsAt")));
        redirect.addFlashAttribute(sent ? "noticeArg" : "inviteEmail", email);
        if (!sent) {
            redirect.addFlashAttribute("inviteRight", right);
            redirect.addFlashAttribute("inviteEndsOn", endsOn);
        }
        return WorkspacePage.back(companyId, workspaceId);
    }

    @PostMapping("/{invitationId}/resend")
    String resend(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String invitationId, Locale locale,
            RedirectAttributes redirect) {
        WorkspaceAccess access = guard.toManage(caller, new CompanyId(companyId), workspaceId);
        refusals.attempt(locale, redirect, "admin.invitations.resent", () -> invitations.resend(access, invitationId));
        return WorkspacePage.back(companyId, workspaceId);
    }

    @PostMapping("/{invitationId}/revoke")
    String revoke(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String invitationId, Locale locale,
            RedirectAttributes redirect) {
        WorkspaceAccess access = guard.toManage(caller, new CompanyId(companyId), workspaceId);
        refusals.attempt(locale, redirect, "admin.invitations.revoked", () -> invitations.revoke(access, invitationId));
        return WorkspacePage.back(companyId, workspaceId);
    }
}
