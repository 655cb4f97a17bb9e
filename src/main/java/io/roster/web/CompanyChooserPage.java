package io.roster.web;

import io.roster.access.Caller;
import io.roster.oidc.SignInCompanies;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Signing in to an app through Roster, for a person with standing in several companies: which one
 * they sign in to the app in. Each choice goes back to the authorization request it came from, with
 * the {@code company} parameter set; the authorization server checks everything else again. It
 * offers only the person's own companies, and the authorization endpoint checks the standing again.
 */
@Controller
class CompanyChooserPage {

    private final SignInCompanies companies;

    CompanyChooserPage(SignInCompanies companies) {
        this.companies = companies;
    }

    /** A company and the address that signs in with it. */
    record Choice(String name, String slug, String href) {
    }

    @GetMapping("/oauth2/choose-company")
    String choose(@AuthenticationPrincipal Caller caller, HttpServletRequest request, Model model) {
        String original = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
                .filter(part -> !part.startsWith("company=") && !part.startsWith("lang="))
                .collect(Collectors.joining("&"));
        List<Choice> choices = companies.of(caller.accountId()).stream()
                .map(company -> new Choice(company.name(), company.slug(), request.getContextPath() + "/oauth2/authorize?"
                        + original + (original.isEmpty() ? "" : "&") + "company="
                        + URLEncoder.encode(company.companyId(), StandardCharsets.UTF_8)))
                .toList();
        model.addAttribute("choices", choices);
        return "oidc-choose-company";
    }
}
