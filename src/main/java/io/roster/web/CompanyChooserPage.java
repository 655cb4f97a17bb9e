package io.roster.web;

import io.roster.access.Caller;
import io.roster.oidc.SignInCompanies;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to an app through Roster, for a person with standing in several companies: which one
 * they sign in to the app in. Each choice goes back to the authorization request it came from, with
 * the {@code company} parameter set; the authorization server checks everything else again. It
 * offers only the person's own companies, and the authorization endpoint checks the standing again.
 * A person may hold roles in thousands of companies (a partner's staff): the page shows them by
 * name a page at a time, with a search by the start of the name ({@code q}) and a Next link
 * ({@code cursor}); both keep the authorization request's own parameters.
 */
@Controller
class CompanyChooserPage {

    /** The chooser's own parameters, never passed on to the authorization request. */
    private static final Set<String> OWN = Set.of("company", "lang", "q", "cursor");

    private final SignInCompanies companies;

    CompanyChooserPage(SignInCompanies companies) {
        this.companies = companies;
    }

    /** A company and the address that signs in with it. */
    record Choice(String name, String slug, String href) {
    }

    /** A parameter of the authorization request, carried by the search form. */
    record Carried(String name, String value) {
    }

    @GetMapping("/oauth2/choose-company")
    String choose(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
        List<String> parts = request.getQueryString() == null ? List.of() : Arrays.stream(request.getQueryString().split("&"))
                .filter(part -> !part.isEmpty() && !OWN.contains(URLDecoder.decode(part.split("=", 2)[0], StandardCharsets.UTF_8)))
                .toList();
        String original = String.join("&", parts);
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > 100) {
            search = search.substring(0, 100);
        }
        SignInCompanies.ChoicePage page = companies.page(caller.accountId(), search, cursor);
        String authorize = request.getContextPath() + "/oauth2/authorize?" + original + (original.isEmpty() ? "" : "&")
                + "company=";
        List<Choice> choices = page.choices().stream()
                .map(company -> new Choice(company.name(), company.slug(),
                        authorize + URLEncoder.encode(company.companyId(), StandardCharsets.UTF_8)))
                .toList();
        String here = request.getContextPath() + "/oauth2/choose-company?" + original
                + (search == null ? "" : (original.isEmpty() ? "" : "&") + "q=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        model.addAttribute("choices", choices);
        model.addAttribute("q", search);
        model.addAttribute("carried", parts.stream().map(part -> part.split("=", 2))
                .map(pair -> new Carried(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8)))
                .collect(Collectors.toList()));
        model.addAttribute("firstPage", cursor == null || cursor.isBlank() ? null : here);
        model.addAttribute("nextPage", page.nextCursor() == null ? null
                : here + (here.endsWith("?") ? "" : "&") + "cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8));
        return "oidc-choose-company";
    }
}
