package io.roster.access;

import io.roster.users.Accounts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import java.net.URI;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Four chains. SCIM provisioning takes a company SCIM token only. The API takes a bearer token, or the console's session (then with CSRF, since a
 * browser sends the cookie by itself); {@code POST /api/v1/tokens} takes HTTP Basic in its
 * controller so refusals are explained problems. The docs and health are public. The console signs
 * in with a form, keeps its session in the database and sends strict security headers.
 * Authorization of each operation happens at its entry ({@link Guard}).
 */
@Configuration
class SecurityConfig {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /**
     * SCIM provisioning: a company SCIM token and nothing else. No session and no CSRF: no browser
     * cookie is ever honoured here, the bearer token authenticates each call by itself.
     */
    /**
     * No Spring Security observations: their metrics are switched off
     * ({@code management.observations.enable.spring.security=false}), yet Spring Security still
     * wrapped every filter of every chain, and each authorization and authentication, in an
     * observation that recorded nothing, on every request. Without them the chains run their
     * filters directly; the filters, their order and what they check are the same.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(0)
    SecurityFilterChain scim(HttpSecurity http, ScimTokens tokens, ScimErrorWriter errors) throws Exception {
        http.securityMatcher("/scim/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ScimTokenFilter(tokens, errors), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(ScimTokenFilter.SCIM_AUTHORITY))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> errors.write(response, 401, null,
                                "Send Authorization: Bearer <SCIM token>"))
                        .accessDeniedHandler((request, response, e) -> errors.write(response, 403, null,
                                "Only a company SCIM token reaches /scim/v2")));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems, Accounts accounts,
            SignIn signIn, ApplicationEventPublisher events, DeniedAttemptBudget deniedBudget) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        // only a call riding on the console's session cookie can be forged by another site; a
                        // bearer token authenticates the call by itself (any other Authorization is ignored here)
                        request -> isBearer(request.getHeader("Authorization")) || request.getRequestedSessionId() == null))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new SessionStillValid(accounts, signIn), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new DeniedAttempts(events, deniedBudget), CsrfFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/tokens").permitAll()
                        // a console session still owing its second factor reaches no API
                        .anyRequest().access(SecondStep.SIGNED_IN))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response, 401,
                                "unauthorized", "Unauthorized",
                                "Sign in first: send Authorization: Bearer <token> (get one with POST /api/v1/tokens)"))
                        .accessDeniedHandler((request, response, e) -> {
                            if (SecondStep.owedPage(SecurityContextHolder.getContext().getAuthentication()) != null) {
                                problems.write(response, 401, "mfa-required", "Second factor required",
                                        "Finish signing in on the console's page: the code of your authenticator app,"
                                        + " or enrol one on your profile as your company requires");
                                return;
                            }
                            problems.write(response, 403, "forbidden",
                                "Forbidden", "Refused: a console session must send its CSRF token (X-CSRF-TOKEN)");
                        }));
        return http.build();
    }

    /**
     * A session owing its second factor is sent to the page asking for it, one owing an enrolment to
     * its profile; any other refusal is the 403 page.
     */
    private static void secondStepOr403(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException denied) throws IOException, ServletException {
        String owed = SecondStep.owedPage(SecurityContextHolder.getContext().getAuthentication());
        if (owed != null) {
            response.sendRedirect(request.getContextPath() + owed);
            return;
        }
        FORBIDDEN_PAGE.handle(request, response, denied);
    }

    private static final AccessDeniedHandlerImpl FORBIDDEN_PAGE = forbiddenPage();

    private static AccessDeniedHandlerImpl forbiddenPage() {
        var handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage("/403");
        return handler;
    }

    private static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Bean
    @Order(2)
    SecurityFilterChain docsAndHealth(HttpSecurity http, MetricsScrapeAccess metricsScrape) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").access(metricsScrape)
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * Passkeys' relying party (docs/rules.md §21): Spring Security's WebAuthn operations on the
     * database's credentials. The relying party id is the host of {@code roster.public-url}, and
     * the one origin accepted is that URL's, read at each ceremony (a test's random port is known
     * only once the server listens). The relying party id is read at start, so a wrong URL fails
     * the start; the WebAuthn library itself is made at the first ceremony ({@link FirstUseRelyingParty}).
     */
    @Bean
    WebAuthnRelyingPartyOperations passkeyRelyingParty(Passkeys passkeys, Environment environment) {
        String host = URI.create(publicUrl(environment)).getHost();
        PublicKeyCredentialRpEntity rp = PublicKeyCredentialRpEntity.builder().id(host).name("Roster").build();
        return new FirstUseRelyingParty(() -> new Webauthn4JRelyingPartyOperations(passkeys.userEntities(),
                passkeys.credentials(), rp, new PublicOrigin(environment)));
    }

    private static String publicUrl(Environment environment) {
        return environment.getProperty("roster.public-url", "http://localhost:8080").strip();
    }

    /** The origin of {@code roster.public-url}, as a one-element set read each time it is asked. */
    private static final class PublicOrigin extends AbstractSet<String> {
        private final Environment environment;

        PublicOrigin(Environment environment) {
            this.environment = environment;
        }

        private String origin() {
            URI url = URI.create(publicUrl(environment));
            return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
        }

        @Override
        public Iterator<String> iterator() {
            return Set.of(origin()).iterator();
        }

        @Override
        public int size() {
            return 1;
        }
    }

    @Bean
    @Order(3)
    SecurityFilterChain console(HttpSecurity http, ConsoleSignIn consoleSignIn, Accounts accounts, SignIn signIn,
            ApplicationEventPublisher events, DeniedAttemptBudget deniedBudget, Passkeys passkeys,
            WebAuthnRelyingPartyOperations passkeyRelyingParty, DeviceCookies devices, JsonMapper json,
            MessageSource messages, ObjectProvider<LocaleResolver> localeResolvers) throws Exception {
        // passkeys: Spring Security's WebAuthn filters on the database's credentials; the sign-in
        // itself is PasskeySignIn's (the configurer wants a UserDetailsService, which it never asks)
        PasskeySignIn passkeySignIn = new PasskeySignIn(passkeyRelyingParty, signIn, devices, passkeys);
        http.setSharedObject(UserCredentialRepository.class, passkeys.credentials());
        http.setSharedObject(PublicKeyCredentialUserEntityRepository.class, passkeys.userEntities());
        http.setSharedObject(UserDetailsService.class, username -> {
            throw new UsernameNotFoundException("Passkey sign-ins go through PasskeySignIn");
        });
        http.webAuthn(webAuthn -> webAuthn.rpName("Roster").disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(passkeySignIn);
                        filter.setAuthenticationSuccessHandler(passkeySignIn);
                        filter.setAuthenticationFailureHandler(passkeySignIn);
                        return filter;
                    }
                }));
        http.authorizeHttpRequests(auth -> auth
                        // adding or removing a passkey takes a session with every factor it has
                        .requestMatchers("/webauthn/register/**", "/webauthn/register").access(SecondStep.ENROLLING)
                        // accepting a workspace invitation as an existing account needs its session
                        .requestMatchers("/invitations/*/accept").access(SecondStep.SIGNED_IN)
                        // the second step of a sign-in (docs/rules.md §21): the only page a session owing it reaches
                        .requestMatchers(SecondStep.PAGE).authenticated()
                        // and a session owing an enrolment reaches its profile to enrol
                        .requestMatchers("/profile", "/profile/mfa/**").access(SecondStep.ENROLLING)
                        .requestMatchers("/login", "/setup", "/forgot-password", "/invitations/**", "/403", "/404", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
                                "/problems/**").permitAll()
                        .anyRequest().access(SecondStep.SIGNED_IN))
                // its own manager: as the global one Spring would retry a refused sign-in (and count it twice)
                .authenticationManager(new ProviderManager(consoleSignIn))
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("login").passwordParameter("password")
                        .authenticationDetailsSource(ConsoleSignIn.DETAILS)
                        .successHandler(consoleSignIn::onSuccess)
                        .failureHandler(consoleSignIn::onFailure)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("SESSION"))
                .addFilterBefore(new SessionStillValid(accounts, signIn), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new DeniedAttempts(events, deniedBudget), CsrfFilter.class)
                // once authorized, and before Spring's registration filter (added after the authorization
                // filter too, at build time: the same place, later in the list), a passkey's name is checked
                .addFilterAfter(new PasskeyNameCheck(json, messages, request -> {
                    LocaleResolver resolver = localeResolvers.getIfUnique();
                    return resolver == null ? request.getLocale() : resolver.resolveLocale(request);
                }), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors.accessDeniedHandler(SecurityConfig::secondStepOr403));
        return http.build();
    }
}
