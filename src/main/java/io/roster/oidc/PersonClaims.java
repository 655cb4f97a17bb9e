package io.roster.oidc;

import io.roster.access.SignIn;
import io.roster.access.SignInThrottle;
import io.roster.shared.Problems;
import io.roster.tenancy.Company;
import io.roster.users.Accounts;
import io.roster.users.Credentials;
import io.roster.users.Identities;
import io.roster.users.Identities.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import io.roster.access.SecondStep;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The claims of the ID token, of the access token and of the userinfo answer: who the person is
 * and what they hold in the company they signed in to (named by the request's {@code company}
 * parameter, which {@link CompanyChoiceFilter} always sets). Standing is read again at every code
 * exchange and refresh: an account that may no longer sign in, is locked, or lost its last role or
 * right in the company gets {@code invalid_grant}, and its authorization is removed.
 */
@Component
class PersonClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String COMPANY_PARAMETER = "company";

    private final Identities identities;
    private final SignInCompanies companies;
    private final Accounts accounts;
    private final SignIn signIn;
    private final SignInThrottle throttle;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AccessTokenSignature signature;

    PersonClaims(Identities identities, SignInCompanies companies, Accounts accounts, SignIn signIn,
            SignInThrottle throttle, JdbcClient jdbc, ApplicationEventPublisher events,
            AccessTokenSignature signature) {
        this.identities = identities;
        this.companies = companies;
        this.accounts = accounts;
        this.signIn = signIn;
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.events = events;
        this.signature = signature;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        signature.sign(context);
        OAuth2Authorization authorization = context.getAuthorization();
        if (authorization == null || context.getPrincipal() == null) {
            return;
        }
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        String accountId = authorization.getPrincipalName();
        String clientId = context.getRegisteredClient().getClientId();
        Person person;
        try {
            person = forThisRequest(authorization, accountId);
        } catch (OAuth2AuthenticationException refused) {
            if (accessToken) {
                forget(authorization.getId());
                events.publishEvent(new OidcEvents.Refused(companyParameter(authorization), accountId, null,
                        clientId, refused.getError().getDescription()));
            }
            throw refused;
        }
        Map<String, Object> claims = person.claims();
        if (idToken) {
            claims.forEach((name, value) -> context.getClaims().claim(name, value));
            // how the person signed in to the console the app relies on (docs/rules.md §21)
            context.getClaims().claim("amr", SecondStep.amr(context.getPrincipal()));
            return;
        }
        for (String name : new String[] {"preferred_username", "company_id", "company_slug", "roles", "permissions",
                "external"}) {
            context.getClaims().claim(name, claims.get(name));
        }
        if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
            remember(authorization.getId(), accountId, person.company().id().value(), clientId);
            events.publishEvent(new OidcEvents.SignedIn(person.company().id().value(), accountId,
                    person.identity().userId(), clientId, context.getRegisteredClient().getClientName()));
        }
    }

    /**
     * Standing read once per token request: the server customises the access token and the ID
     * token of one answer one after the other, and both are to say the same. Kept in the request
     * only, so the next request (a refresh a second later, on any node) reads it again.
     */
    private Person forThisRequest(OAuth2Authorization authorization, String accountId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return stillSignedIn(authorization, accountId);
        }
        String key = PersonClaims.class.getName() + "." + authorization.getId();
        if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Person read
                && read.identity().accountId().equals(accountId)) {
            return read;
        }
        Person person = stillSignedIn(authorization, accountId);
        request.setAttribute(key, person, RequestAttributes.SCOPE_REQUEST);
        return person;
    }

    /** The userinfo answer: the same claims as the ID token. */
    OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        Person person = stillSignedIn(authorization, authorization.getPrincipalName());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", authorization.getPrincipalName());
        claims.putAll(person.claims());
        return new OidcUserInfo(claims);
    }

    /** Who the authorization signs in, provided they still may, in the company it names. */
    private Person stillSignedIn(OAuth2Authorization authorization, String accountId) {
        Optional<Company> company = Optional.ofNullable(companyParameter(authorization)).flatMap(companies::named);
        if (company.isEmpty()) {
            throw refused("This sign-in names no company you can sign in to");
        }
        Optional<Credentials> account = accounts.byId(accountId);
        if (account.isEmpty()) {
            throw refused("This account no longer exists");
        }
        Optional<Problems.Forbidden> refusal = signIn.refusalOf(account.get());
        if (refusal.isPresent()) {
            throw refused(refusal.get().detail());
        }
        if (throttle.lockOf(accountId).filter(SignInThrottle.Lock::locked).isPresent()) {
            throw refused("This account is locked after too many failed sign-ins");
        }
        Optional<SignInCompanies.Held> held = companies.heldIn(accountId, company.get().id());
        if (held.isEmpty()) {
            throw refused("You no longer have a role in " + company.get().name());
        }
        Identity identity = identities.of(accountId).orElseThrow(() -> refused("This account no longer exists"));
        return new Person(identity, company.get(), held.get());
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
    }

    static String companyParameter(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Object company = request == null ? null : request.getAdditionalParameters().get(COMPANY_PARAMETER);
        return company instanceof String value ? value : null;
    }

    private void remember(String authorizationId, String accountId, String companyId, String clientId) {
        jdbc.sql("DELETE FROM oidc_sign_ins WHERE authorization_id = ?").param(authorizationId).update();
        jdbc.sql("INSERT INTO oidc_sign_ins (authorization_id, account_id, company_id, client_id, signed_in_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(authorizationId, accountId, companyId, clientId, Instant.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    private void forget(String authorizationId) {
        jdbc.sql("DELETE FROM oauth2_authorization WHERE id = ?").param(authorizationId).update();
        StoredAuthorizations.removed(authorizationId);
        jdbc.sql("DELETE FROM oidc_sign_ins WHERE authorization_id = ?").param(authorizationId).update();
    }

    /** A person signed in to one company, and the claims that say so. */
    private record Person(Identity identity, Company company, SignInCompanies.Held held) {

        Map<String, Object> claims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            put(claims, "preferred_username", identity.userId());
            put(claims, "email", identity.email());
            claims.put("email_verified", identity.emailVerified());
            put(claims, "given_name", identity.firstName());
            put(claims, "family_name", identity.lastName());
            String name = ((identity.firstName() == null ? "" : identity.firstName()) + " "
                    + (identity.lastName() == null ? "" : identity.lastName())).strip();
            put(claims, "name", name.isEmpty() ? null : name);
            put(claims, "locale", identity.locale());
            claims.put("company_id", company.id().value());
            claims.put("company_slug", company.slug());
            // plain lists: the access token's claims are stored with the authorization, whose JSON
            // reader accepts only the collection types it knows
            claims.put("roles", new ArrayList<>(held.roleIds()));
            claims.put("permissions", new ArrayList<>(held.permissions()));
            claims.put("external", !company.id().value().equals(identity.homeCompanyId()));
            return claims;
        }

        private static void put(Map<String, Object> claims, String name, Object value) {
            if (value != null) {
                claims.put(name, value);
            }
        }
    }

}
