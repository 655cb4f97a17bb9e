package io.roster.oidc;

import io.roster.access.Caller;
import io.roster.access.SignIn;
import io.roster.tenancy.Company;
import io.roster.users.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides the company of a sign-in to an app, before the authorization endpoint issues a code, for a
 * person already signed in to the console (someone who is not is sent to the console's sign-in page
 * first, and comes back here). The request's {@code company} parameter (slug or id) names it;
 * without it, the only company where the person has standing is added to the request, or the
 * chooser page lets them pick one. No standing in the company answers {@code access_denied} at the
 * client's redirect URI — only at a URI registered for that client, matched exactly, so this is no
 * open redirect; a request with an unknown client or redirect URI is left to the endpoint, which
 * refuses it on its own page.
 *
 * <p>The endpoint then sees the person as their account id only ({@link #asAppSignIn}): that is
 * what the authorization stores and what every claim is read again from, never the console's
 * session details.
 */
final class CompanyChoiceFilter extends OncePerRequestFilter {

    static final String AUTHORIZE = "/oauth2/authorize";
    static final String CHOOSER = "/oauth2/choose-company";

    private final RegisteredClientRepository clients;
    private final SignInCompanies companies;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;
    private final SignIn signIn;

    CompanyChoiceFilter(RegisteredClientRepository clients, SignInCompanies companies,
            ApplicationEventPublisher events, Accounts accounts, SignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.clients = clients;
        this.companies = companies;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !AUTHORIZE.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || !(signedIn.getPrincipal() instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        if (accounts.byId(caller.accountId()).filter(account -> signIn.refusalOf(account).isEmpty()).isEmpty()) {
            // the console's rule (access.SessionStillValid): a session whose account may no longer sign
            // in ends, and the person meets the sign-in page, which tells them why in plain words
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            chain.doFilter(request, response);
            return;
        }
        String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        String redirectUri = request.getParameter(OAuth2ParameterNames.REDIRECT_URI);
        RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
        if (client == null || redirectUri == null || !client.getRedirectUris().contains(redirectUri)) {
            asAppSignIn(caller, signedIn, request, response, chain);
            return;
        }
        String named = request.getParameter(PersonClaims.COMPANY_PARAMETER);
        if (named == null || named.isBlank()) {
            // two are enough to know whether to ask: someone may hold roles in thousands of companies
            List<io.roster.shared.CompanyId> choices = companies.some(caller.accountId(), 2);
            if (choices.isEmpty()) {
                deny(response, request, client, redirectUri, caller, null, "no-company",
                        "You have no role in any company: ask an administrator to give you one");
            } else if (choices.size() == 1) {
                response.sendRedirect(UriComponentsBuilder.fromUriString(request.getRequestURI() + "?" + request.getQueryString())
                        .queryParam(PersonClaims.COMPANY_PARAMETER, choices.getFirst().value())
                        .build().toUriString());
            } else {
                response.sendRedirect(request.getContextPath() + CHOOSER + "?" + request.getQueryString());
            }
            return;
        }
        Optional<Company> company = companies.named(named);
        if (company.isEmpty() || companies.heldIn(caller.accountId(), company.get().id()).isEmpty()) {
            deny(response, request, client, redirectUri, caller, company.map(c -> c.id().value()).orElse(null),
                    "no-standing", "You have no role in this company: ask one of its administrators to give you one");
            return;
        }
        asAppSignIn(caller, signedIn, request, response, chain);
    }

    /** The rest of the chain sees the person as their account id, for this request only. */
    private static void asAppSignIn(Caller caller, Authentication signedIn, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        SecurityContext console = SecurityContextHolder.getContext();
        SecurityContext app = SecurityContextHolder.createEmptyContext();
        // auth_time: when the person signed in to the console, which the session began with
        HttpSession session = request.getSession(false);
        Instant signedInAt = session == null ? Instant.now() : Instant.ofEpochMilli(session.getCreationTime());
        // and the factors the console's sign-in proved: the ID token's amr. The password only when it
        // was given (a sign-in naming no factor was a password one): a passkey alone is no password
        boolean anyFactor = signedIn.getAuthorities().stream().anyMatch(FactorGrantedAuthority.class::isInstance);
        boolean password = !anyFactor || signedIn.getAuthorities().stream()
                .anyMatch(held -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(held.getAuthority()));
        List<GrantedAuthority> factors = new ArrayList<>();
        if (password) {
            factors.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                    .issuedAt(signedInAt).build());
        }
        signedIn.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance)
                .filter(factor -> !FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(factor.getAuthority()))
                .forEach(factors::add);
        app.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller.accountId(), null, factors));
        SecurityContextHolder.setContext(app);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(console);
        }
    }

    private void deny(HttpServletResponse response, HttpServletRequest request, RegisteredClient client,
            String redirectUri, Caller caller, String companyId, String reason, String description) throws IOException {
        events.publishEvent(new OidcEvents.Refused(companyId, caller.accountId(), caller.userId(), client.getClientId(),
                reason));
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(redirectUri)
                .queryParam(OAuth2ParameterNames.ERROR, "access_denied")
                .queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, description);
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state != null) {
            target.queryParam(OAuth2ParameterNames.STATE, state);
        }
        response.sendRedirect(target.encode().build().toUriString());
    }

}
