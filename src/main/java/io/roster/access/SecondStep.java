package io.roster.access;

import java.util.function.Supplier;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A console session whose password was accepted but whose second factor is still to prove
 * (docs/rules.md §21) carries the {@link #DUE} authority: it reaches the second step's page and
 * sign-out, and nothing else, neither the console nor the API nor the apps' sign-in.
 */
public final class SecondStep {

    /** The authority of a session waiting for its second factor. */
    public static final String DUE = "SECOND_FACTOR_DUE";
    /** The console's page asking for the code. */
    public static final String PAGE = "/login/second-factor";
    /** Factors (Spring Security's {@code FACTOR_} authorities) a console session proved beyond the password. */
    static final String TOTP_FACTOR = "TOTP";
    static final String RECOVERY_FACTOR = "RECOVERY_CODE";

    private SecondStep() {
    }

    public static boolean due(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> DUE.equals(authority.getAuthority()));
    }

    /** Authenticated, with every factor the account needs. */
    static final AuthorizationManager<RequestAuthorizationContext> SIGNED_IN = new AuthorizationManager<>() {
        @Override
        public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                RequestAuthorizationContext context) {
            Authentication current = authentication.get();
            return new AuthorizationDecision(current != null && current.isAuthenticated()
                    && !(current instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
                    && !due(current));
        }
    };

    static boolean isPage(HttpServletRequest request) {
        return PAGE.equals(request.getServletPath());
    }
}
