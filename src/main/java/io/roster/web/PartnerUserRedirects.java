package io.roster.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The partner space's former addresses of a person's actions and pages, kept working: its row
 * actions are the company table's ({@link UserRowActions}, a 307 keeps the method and the form), and
 * its edit and delete pages are the user page's Edit and Delete.
 */
@Controller
@RequestMapping("/partners/{partnerId}/companies/{companyId}/users/{id}")
class PartnerUserRedirects {

    @PostMapping({"/activate", "/deactivate", "/invite", "/delete"})
    RedirectView action(@PathVariable String partnerId, @PathVariable String companyId, @PathVariable String id,
            jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI();
        String action = path.substring(path.lastIndexOf('/') + 1);
        RedirectView to = new RedirectView("/companies/" + companyId + "/users/" + id + "/" + action, true);
        to.setStatusCode(HttpStatus.TEMPORARY_REDIRECT);
        return to;
    }

    @GetMapping({"/edit", "/delete"})
    String page(@PathVariable String partnerId, @PathVariable String companyId, @PathVariable String id) {
        return "redirect:/partners/" + partnerId + "/companies/" + companyId + "/users/" + id;
    }
}
