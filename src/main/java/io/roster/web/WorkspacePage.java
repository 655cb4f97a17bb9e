package io.roster.web;

import io.roster.access.Caller;
import io.roster.invitations.Invitation;
import io.roster.invitations.LinkState;
import io.roster.invitations.WorkspaceInvitations;
import io.roster.shared.CompanyId;
import io.roster.shared.PageRequest;
import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import io.roster.workspaces.WorkspaceMembers;
import io.roster.workspaces.WorkspaceRight;
import io.roster.workspaces.Workspaces;
import java.util.List;
import java.util.Locale;
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
 * One workspace: its members and their rights, and for its ADMINs (or {@code workspaces.manage})
 * the forms that change a right or remove a member. The workspaces module authorizes each call.
 */
@Controller
@RequestMapping("/companies/{companyId}/workspaces/{workspaceId}")
class WorkspacePage {

    private final Workspaces workspaces;
    private final WorkspaceMembers members;
    private final WorkspaceInvitations invitations;
    private final Refusals refusals;

    WorkspacePage(Workspaces workspaces, WorkspaceMembers members, WorkspaceInvitations invitations,
            Refusals refusals) {
        this.workspaces = workspaces;
        this.members = members;
        this.invitations = invitations;
        this.refusals = refusals;
    }

    @GetMapping
    String show(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String workspaceId,
            @RequestParam(required = false) String cursor, Model model) {
        CompanyId company = new CompanyId(companyId);
        model.addAttribute("companyId", companyId);
        model.addAttribute("workspace", workspaces.get(caller, company, workspaceId));
        model.addAttribute("members", members.list(caller, company, workspaceId, PageRequest.of(100, cursor)));
        model.addAttribute("me", caller.accountId());
        model.addAttribute("rights", WorkspaceRight.values());
        List<Invitation> pending = pendingInvitations(caller, company, workspaceId);
        model.addAttribute("canManage", pending != null);
        model.addAttribute("invitations", pending == null ? List.of() : pending);
        return "admin/workspace";
    }

    /** The invitations still to accept (or to resend once expired); null when the caller may not manage them. */
    private List<Invitation> pendingInvitations(Caller caller, CompanyId company, String workspaceId) {
        try {
            return invitations.list(caller, company, workspaceId, PageRequest.of(100, null)).items().stream()
                    .filter(i -> i.state() == LinkState.VALID || i.state() == LinkState.EXPIRED).toList();
        } catch (Problems.Forbidden mayNotManage) {
            return null;
        }
    }

    @PostMapping("/members/{accountId}/right")
    String changeRight(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String accountId,
            @RequestParam(required = false) String right, Locale locale, RedirectAttributes redirect) {
        refusals.attempt(locale, redirect, "admin.workspace.rightChanged", () -> members.set(caller, new CompanyId(companyId),
                workspaceId, accountId, parse(right)));
        return back(companyId, workspaceId);
    }

    @PostMapping("/members/{accountId}/remove")
    String remove(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String accountId, Locale locale,
            RedirectAttributes redirect) {
        boolean removed = refusals.attempt(locale, redirect, "admin.workspace.removed",
                () -> members.remove(caller, new CompanyId(companyId), workspaceId, accountId));
        // who removed themselves may no longer see the workspace
        return removed && accountId.equals(caller.accountId()) ? "redirect:/companies/" + companyId + "/workspaces"
                : back(companyId, workspaceId);
    }

    static String back(String companyId, String workspaceId) {
        return "redirect:/companies/" + companyId + "/workspaces/" + workspaceId;
    }

    /** An unknown right becomes none, which the module refuses with its reason. */
    private static WorkspaceRight parse(String right) {
        for (WorkspaceRight known : WorkspaceRight.values()) {
            if (known.name().equals(right)) {
                return known;
            }
        }
        return null;
    }
}
