package io.roster.access;

import io.roster.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The console's sign-in form, through the same {@link SignIn} rules and throttle as the API. A
 * refusal goes back to the sign-in page as a reason code the page shows in the person's language.
 */
@Component
class ConsoleSignIn implements AuthenticationProvider {

    private final SignIn signIn;

    ConsoleSignIn(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        try {
            Caller caller = signIn.withPassword(authentication.getName(),
                    authentication.getCredentials() == null ? null : authentication.getCredentials().toString(),
                    address, SignIn.Channel.CONSOLE);
            var authorities = caller.operator() ? List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))
                    : List.<SimpleGrantedAuthority>of();
            return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
        } catch (ProblemException refused) {
            Object retry = refused.properties().get("retryAfterSeconds");
            throw new Refused(refused.type(), retry instanceof Long seconds ? seconds : 0, refused.detail());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    void onFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = e instanceof Refused refused ? refused.reason : "unauthorized";
        String retry = e instanceof Refused refused && refused.retryAfterSeconds > 0
                ? "&retry=" + refused.retryAfterSeconds : "";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason + retry);
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
