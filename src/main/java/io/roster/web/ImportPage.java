package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * CSV import and export from the console. The page sends the file to the API's import endpoint
 * with the session and its CSRF token ({@code /js/import.js}), showing the upload's progress for
 * large files, then the per-row report.
 */
@Controller
class ImportPage {

    private final Guard guard;

    ImportPage(Guard guard) {
        this.guard = guard;
    }

    @GetMapping("/companies/{companyId}/users/import")
    String page(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Model model) {
        guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        model.addAttribute("companyId", companyId);
        return "users/import";
    }
}
