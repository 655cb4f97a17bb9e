package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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

    /**
     * A file to fill in: the header the import reads and two example rows, one to activate with a
     * role and one kept as a draft. A UTF-8 BOM so that spreadsheets read accents right.
     */
    @GetMapping(path = "/companies/{companyId}/users/import/template.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> template(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        String body = "\uFEFFuserId,firstName,lastName,email,status,roles\r\n"
                + "jdupre,Jeanne,Dupré,jeanne.dupre@example.com,ACTIVE,MEMBER\r\n"
                + "mlefevre,Marc,Lefèvre,,DRAFT,\r\n";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("users-template.csv")
                        .build().toString())
                .body(body);
    }
}
