package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.shared.CompanyId;
import io.roster.shared.PageRequest;
import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import io.roster.workspaces.Workspace;
import io.roster.workspaces.WorkspaceGuard;
import io.roster.workspaces.Workspaces;
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
 * A company's workspaces (docs/rules.md §8): all of them for those with {@code workspaces.read}, else the
 * caller's own; people of the company create new ones (the company owns them, the creator is ADMIN).
 */
@Controller
@RequestMapping("/companies/{companyId}/workspaces")
class WorkspaceListPage {

    private final WorkspaceGuard guard;
    private final Workspaces workspaces;
    private final Refusals refusals;

    WorkspaceListPage(WorkspaceGuard guard, Workspaces workspaces, Refusals refusals) {
        this.guard = guard;
        this.workspaces = workspaces;
        this.refusals = refusals;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String cursor, Model model) {
        CompanyAccess access = guard.toList(caller, new CompanyId(companyId));
        model.addAttribute("companyId", companyId);
        model.addAttribute("page", workspaces.list(access, PageRequest.of(50, cursor)));
        model.addAttribute("globalView", Workspaces.seesAll(access));
        model.addAttribute("canCreate", access.member());
        return "admin/workspaces";
    }

    @PostMapping
    String create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String name, Locale locale, RedirectAttributes redirect) {
        CompanyAccess creator = guard.toCreate(caller, new CompanyId(companyId));
        try {
            Workspace workspace = workspaces.create(creator, name);
            redirect.addFlashAttribute("notice", "admin.workspaces.created");
            return "redirect:/companies/" + companyId + "/workspaces/" + workspace.id();
        } catch (Problems.Forbidden | Problems.NotFound refused) {
            throw refused;
        } catch (ProblemException invalid) {
            redirect.addFlashAttribute("error", refusals.of(invalid, locale));
            redirect.addFlashAttribute("name", name);
            return "redirect:/companies/" + companyId + "/workspaces";
        }
    }
}
