package io.roster.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * What a console session still owes after its password (docs/rules.md §21). One whose account has
 * a second factor carries {@link #DUE} until it proves it: it reaches the second step's page and
 * sign-out, nothing else. One whose company requires a second factor of its administrators, and
 * who has none, carries {@link #ENROLMENT_DUE}: it reaches its profile to enrol one, nothing else.
 * Neither reaches the rest of the console, the API or the apps' sign-in.
 */
public final class SecondStep {

    /** The authority of a session waiting for its second factor. */
    public static final String DUE = "SECOND_FACTOR_DUE";
    /** The authority of a session that must enrol a second factor before going further. */
    public static final String ENROLMENT_DUE = "SECOND_FACTOR_ENROLMENT_DUE";
    /** The console's page asking for the code. */
    public static final String PAGE = "/login/second-factor";
    /** Where a session owing an enrolment is sent: the profile's second-factor section. */
    public static final String ENROLMENT_PAGE = "/profile";
    /** Factors (Spring Security's {@code FACTOR_} authorities) a console session proved beyond the password. */
    static final String TOTP_FACTOR = "TOTP";
    static final String RECOVERY_FACTOR = "RECOVERY_CODE";

    private SecondStep() {
    }

    public static boolean due(Authentication authentication) {
        return holds(authentication, DUE);
    }

    public static boolean enrolmentDue(Authentication authentication) {
        return holds(authentication, ENROLMENT_DUE);
    }

    /**
     * The OpenID Connect {@code amr} values (RFC 8176) of what a sign-in proved, read from its
     * Spring Security factor authorities: {@code pwd}, {@code otp} (a code of the app or a recovery
     * code), {@code hwk} (a passkey), and {@code mfa} when there were two. A sign-in that names no
     * factor was a password.
     */
    public static List<String> amr(Authentication authentication) {
        List<String> amr = new ArrayList<>();
        Set<String> held = authentication == null ? Set.of() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (held.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY) || held.stream().noneMatch(a -> a.startsWith("FACTOR_"))) {
            amr.add("pwd");
        }
        if (held.contains("FACTOR_" + TOTP_FACTOR) || held.contains("FACTOR_" + RECOVERY_FACTOR)) {
            amr.add("otp");
        }
        if (held.contains(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)) {
            amr.add("hwk");
        }
        if (amr.size() > 1) {
            amr.add("mfa");
        }
        return amr;
    }

    /** Where a session owing something goes, or null when it owes nothing. */
    static String owedPage(Authentication authentication) {
        return due(authentication) ? PAGE : enrolmentDue(authentication) ? ENROLMENT_PAGE : null;
    }

    private static boolean holds(Authentication authentication, String marker) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> marker.equals(authority.getAuthority()));
    }

    /** Authenticated, with every factor the account needs. */
    static final AuthorizationManager<RequestAuthorizationContext> SIGNED_IN = allowing(false);

    /** Authenticated with every factor the account has, though maybe owing an enrolment: the profile. */
    static final AuthorizationManager<RequestAuthorizationContext> ENROLLING = allowing(true);

    private static AuthorizationManager<RequestAuthorizationContext> allowing(boolean enrolmentDue) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                    RequestAuthorizationContext context) {
                Authentication current = authentication.get();
                return new AuthorizationDecision(current != null && current.isAuthenticated()
                        && !(current instanceof AnonymousAuthenticationToken) && !due(current)
                        && (enrolmentDue || !enrolmentDue(current)));
            }
        };
    }
}
