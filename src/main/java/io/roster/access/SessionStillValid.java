package io.roster.access;

import io.roster.users.Accounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-checks, on every request of a console session, that its account may still sign in (docs/rules.md §13):
 * a deactivated person, or one who lost their last role, is signed out on the next request.
 * Deactivation also deletes the sessions outright; this covers every other way to lose access.
 * Not a bean: a filter bean would also be registered with the servlet container and run outside
 * the security chains.
 */
class SessionStillValid extends OncePerRequestFilter {

    private final Accounts accounts;
    private final SignIn signIn;

    SessionStillValid(Accounts accounts, SignIn signIn) {
        this.accounts = accounts;
        this.signIn = signIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller && caller.tokenId() == null) {
            boolean allowed = accounts.byId(caller.accountId()).filter(account -> signIn.refusalOf(account).isEmpty())
                    .isPresent();
            if (!allowed) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
