package io.roster.web;

import io.roster.access.Caller;
import io.roster.invitations.Invitation;
import io.roster.invitations.LinkState;
import io.roster.invitations.WorkspaceInvitations;
import io.roster.shared.CompanyId;
import io.roster.shared.PageRequest;
import io.roster.workspaces.WorkspaceAccess;
import io.roster.workspaces.WorkspaceGuard;
import io.roster.workspaces.WorkspaceMembers;
import io.roster.workspaces.WorkspaceRight;
import io.roster.users.Accounts;
import io.roster.workspaces.Member;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * the forms that change a right or remove a member. Each handler authorizes at its entry through
 * {@link WorkspaceGuard}.
 */
@Controller
@RequestMapping("/companies/{companyId}/workspaces/{workspaceId}")
class WorkspacePage {

    private final WorkspaceGuard guard;
    private final WorkspaceMembers members;
    private final WorkspaceInvitations invitations;
    private final Refusals refusals;
    private final Accounts accounts;

    WorkspacePage(WorkspaceGuard guard, WorkspaceMembers members, WorkspaceInvitations invitations,
            Refusals refusals, Accounts accounts) {
        this.accounts = accounts;
        this.guard = guard;
        this.members = members;
        this.invitations = invitations;
        this.refusals = refusals;
    }

    @GetMapping
    String show(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String workspaceId,
            @RequestParam(required = false) String cursor, Model model) {
        WorkspaceAccess access = guard.toRead(caller, new CompanyId(companyId), workspaceId);
        model.addAttribute("companyId", companyId);
        model.addAttribute("workspace", access.workspace());
        var page = members.list(access, PageRequest.of(100, cursor));
        model.addAttribute("members", page);
        model.addAttribute("sponsors", sponsorNames(page.items()));
        model.addAttribute("me", caller.accountId());
        model.addAttribute("rights", WorkspaceRight.values());
        model.addAttribute("canManage", access.canManage());
        model.addAttribute("invitations", access.canManage() ? pendingInvitations(access) : List.of());
        return "admin/workspace";
    }

    /** The names of the page's sponsors, by account id (a sponsor may have left the company since). */
    private Map<String, String> sponsorNames(List<Member> page) {
        Map<String, String> names = new HashMap<>();
        accounts.profiles(page.stream().map(Member::sponsorAccountId).filter(Objects::nonNull).distinct().toList())
                .forEach(p -> names.put(p.accountId(), (p.firstName() + " " + p.lastName()).trim()));
        return names;
    }

    /** The invitations still to accept (or to resend once expired). */
    private List<Invitation> pendingInvitations(WorkspaceAccess managing) {
        return invitations.list(managing, PageRequest.of(100, null)).items().stream()
                .filter(i -> i.state() == LinkState.VALID || i.state() == LinkState.EXPIRED).toList();
    }

    @PostMapping("/members/{accountId}/right")
    String changeRight(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String accountId,
            @RequestParam(required = false) String right, Locale locale, RedirectAttributes redirect) {
        WorkspaceAccess access = guard.toManage(caller, new CompanyId(companyId), workspaceId);
        refusals.attempt(locale, redirect, "admin.workspace.rightChanged", () -> members.set(access, accountId,
                parse(right)));
        return back(companyId, workspaceId);
    }

    @PostMapping("/members/{accountId}/remove")
    String remove(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String accountId, Locale locale,
            RedirectAttributes redirect) {
        WorkspaceAccess access = guard.toManage(caller, new CompanyId(companyId), workspaceId);
        boolean removed = refusals.attempt(locale, redirect, "admin.workspace.removed",
                () -> members.remove(access, accountId));
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
