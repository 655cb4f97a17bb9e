package io.roster.access;

import io.roster.shared.ProblemException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * The console's sign-in form, through the same {@link SignIn} rules and throttle as the API. A
 * refusal goes back to the sign-in page as a reason code the page shows in the person's language.
 * The form's device cookie is read with the request's details; a success gives the browser a new one.
 */
@Component
public class ConsoleSignIn implements AuthenticationProvider {

    /** What the form's filter passes on of the request: the address, as before, and the device cookie. */
    static final AuthenticationDetailsSource<HttpServletRequest, Details> DETAILS = Details::new;

    /**
     * Where a sign-in goes when the person was not on their way to a page: the console's landing,
     * which leads a person with one place straight into it (see web.HomePage).
     */
    public static final String LANDING = "/start";

    private final SignIn signIn;
    private final DeviceCookies devices;
    private final RequestCache requests = new HttpSessionRequestCache();
    private final SavedRequestAwareAuthenticationSuccessHandler savedRequestOrLanding =
            new SavedRequestAwareAuthenticationSuccessHandler();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final SecurityPolicy policy;

    private final SecondFactors factors;

    ConsoleSignIn(SignIn signIn, DeviceCookies devices, SecurityPolicy policy, SecondFactors factors) {
        this.factors = factors;
        this.policy = policy;
        this.signIn = signIn;
        this.devices = devices;
        savedRequestOrLanding.setDefaultTargetUrl(LANDING);
        savedRequestOrLanding.setRequestCache(requests);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        String deviceCookie = authentication.getDetails() instanceof Details details ? details.deviceCookie : null;
        try {
            SignIn.PasswordStep step = signIn.passwordStep(authentication.getName(),
                    authentication.getCredentials() == null ? null : authentication.getCredentials().toString(),
                    address, SignIn.Channel.CONSOLE, deviceCookie);
            Caller caller = step.caller();
            // the second factor still to prove: the session reaches the second step's page and nothing else
            var signedIn = step.secondFactorDue()
                    ? UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of(
                            FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                            new SimpleGrantedAuthority(SecondStep.DUE)))
                    // a company requiring a second factor of its administrators: this one enrols before going further
                    : policy.enrolmentDue(caller.accountId())
                    ? UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of(
                            FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                            new SimpleGrantedAuthority(SecondStep.ENROLMENT_DUE)))
                    : UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities(caller,
                            FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
            // plain details: the session keeps the authentication, and it need not keep the device cookie
            if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
                signedIn.setDetails(new WebAuthenticationDetails(details.getRemoteAddress(), details.getSessionId()));
            }
            return signedIn;
        } catch (ProblemException refused) {
            Object retry = refused.properties().get("retryAfterSeconds");
            throw new Refused(refused.type(), retry instanceof Long seconds ? seconds : 0, refused.detail());
        }
    }

    private static List<GrantedAuthority> authorities(Caller caller, GrantedAuthority... factors) {
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(factors));
        if (caller.operator()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
        }
        return authorities;
    }

    /**
     * The second step of a console sign-in (docs/rules.md §21), from the page that asks for the code:
     * on a good code the session becomes fully signed in (under a new id, as at the password step),
     * the browser gets its device cookie and goes where it was going. A refusal is the
     * {@link io.roster.shared.ProblemException} of {@link SignIn#secondStep}.
     */
    public void secondStep(HttpServletRequest request, HttpServletResponse response, String code)
            throws IOException, ServletException {
        Authentication pending = SecurityContextHolder.getContext().getAuthentication();
        if (!SecondStep.due(pending) || !(pending.getPrincipal() instanceof Caller caller)) {
            response.sendRedirect(request.getContextPath() + LANDING);
            return;
        }
        var device = WebUtils.getCookie(request, DeviceCookies.NAME);
        String method = signIn.secondStep(caller, code, request.getRemoteAddr(), SignIn.Channel.CONSOLE,
                device == null ? null : device.getValue());
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities(caller,
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                FactorGrantedAuthority.fromFactor(SecondFactors.RECOVERY.equals(method) ? SecondStep.RECOVERY_FACTOR
                        : SecondStep.TOTP_FACTOR)));
        replace(pending, signedIn, request, response);
        onSuccess(request, response, signedIn);
    }

    /**
     * The person of a session owing an enrolment just enrolled a factor (on their profile): the
     * session is fully signed in from now on, under a new id, with the factor it enrolled (an app,
     * else a passkey). Nothing for any other session, nor for an account that holds no factor.
     */
    public void enrolled(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (SecondStep.enrolmentDue(current) && current.getPrincipal() instanceof Caller caller) {
            SecondFactors.Status status = factors.status(caller.accountId());
            if (!status.enrolled()) {
                return;
            }
            replace(current, UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities(caller,
                    FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                    status.totp() ? FactorGrantedAuthority.fromFactor(SecondStep.TOTP_FACTOR)
                            : FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY))),
                    request, response);
        }
    }

    private void replace(Authentication before, UsernamePasswordAuthenticationToken after, HttpServletRequest request,
            HttpServletResponse response) {
        after.setDetails(before.getDetails());
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(after);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Gives the browser its device cookie, then goes where the person was going (or to the landing). */
    void onSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (SecondStep.due(authentication)) {
            // the device cookie and the destination wait for the second factor
            response.sendRedirect(request.getContextPath() + SecondStep.PAGE);
            return;
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            response.addHeader(HttpHeaders.SET_COOKIE, devices.issue(caller.accountId(), request.isSecure()).toString());
        }
        if (SecondStep.enrolmentDue(authentication)) {
            response.sendRedirect(request.getContextPath() + SecondStep.ENROLMENT_PAGE);
            return;
        }
        // the bare home page, asked before signing in, is no destination: land instead
        SavedRequest saved = requests.getRequest(request, response);
        if (saved instanceof DefaultSavedRequest wanted && "/".equals(wanted.getServletPath())
                && wanted.getQueryString() == null) {
            requests.removeRequest(request, response);
        }
        savedRequestOrLanding.onAuthenticationSuccess(request, response, authentication);
    }

    void onFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        keepTypedLogin(request);
        String reason = e instanceof Refused refused ? refused.reason : "unauthorized";
        String retry = e instanceof Refused refused && refused.retryAfterSeconds > 0
                ? "&retry=" + refused.retryAfterSeconds : "";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason + retry);
    }

    /**
     * The session attribute holding what the person typed as login when the sign-in was refused,
     * for the sign-in page to fill it in again (read once). Kept in the session the form's CSRF
     * token already opened, rather than in the redirect's URL, where addresses would reach logs.
     */
    public static final String TYPED_LOGIN = "roster.signIn.typedLogin";

    private static void keepTypedLogin(HttpServletRequest request) {
        String typed = request.getParameter("login");
        var session = request.getSession(false);
        if (session != null && typed != null && !typed.isBlank() && typed.length() <= 320) {
            session.setAttribute(TYPED_LOGIN, typed.strip());
        }
    }

    /** The request's address and session, and the device cookie it carried (never kept in the session). */
    static final class Details extends WebAuthenticationDetails {
        private final transient String deviceCookie;

        Details(HttpServletRequest request) {
            super(request);
            var cookie = WebUtils.getCookie(request, DeviceCookies.NAME);
            this.deviceCookie = cookie == null ? null : cookie.getValue();
        }
    }

    /** A refused sign-in: {@code reason} is a fixed code (problem type), never user input. */
    static final class Refused extends AuthenticationException {
        private final String reason;
        private final long retryAfterSeconds;

        Refused(String reason, long retryAfterSeconds, String detail) {
            super(detail);
            this.reason = reason;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
