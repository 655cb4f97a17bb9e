package io.roster.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For the apps' sign-in (io.roster.oidc): a console session still owing its second factor (or an
 * enrolment) is not signed in there either. Spring's authorization endpoint takes any authenticated session before
 * the chain's own rules run, so this filter, placed ahead of it, keeps the request for later and
 * sends the browser to the second step; the sign-in resumes from there. Not a bean (it would also
 * run outside the security chains).
 */
public final class SecondStepFirst extends OncePerRequestFilter {

    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String owed = SecondStep.owedPage(SecurityContextHolder.getContext().getAuthentication());
        if (owed != null) {
            if ("GET".equals(request.getMethod())) {
                requests.saveRequest(request, response);
                response.sendRedirect(request.getContextPath() + owed);
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
