package io.roster.web;

import io.roster.access.Caller;
import io.roster.shared.CompanyId;
import io.roster.workspaces.EndDates;
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
 * A member's end date on the workspace page (docs/rules.md §8): a day (the right ends at its start,
 * UTC), or cleared. Authorized first through {@link WorkspaceGuard#toManage}.
 */
@Controller
@RequestMapping("/companies/{companyId}/workspaces/{workspaceId}/members/{accountId}/end-date")
class WorkspaceEndDateForms {

    private final WorkspaceGuard guard;
    private final EndDates endDates;
    private final Refusals refusals;

    WorkspaceEndDateForms(WorkspaceGuard guard, EndDates endDates, Refusals refusals) {
        this.guard = guard;
        this.endDates = endDates;
        this.refusals = refusals;
    }

    @PostMapping
    String set(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String workspaceId,
            @PathVariable String accountId, @RequestParam(required = false) String endsOn,
            @RequestParam(required = false) String clear, Locale locale, RedirectAttributes redirect) {
        WorkspaceAccess access = guard.toManage(caller, new CompanyId(companyId), workspaceId);
        boolean clearing = clear != null || endsOn == null || endsOn.isBlank();
        refusals.attempt(locale, redirect, clearing ? "admin.workspace.guest.endDateCleared"
                : "admin.workspace.guest.endDateSet", () -> endDates.set(access, accountId,
                        clearing ? null : ConsoleDates.startOfDay(endsOn, "endsAt")));
        return WorkspacePage.back(companyId, workspaceId);
    }
}
