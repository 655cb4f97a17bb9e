package io.roster.web;

import io.roster.access.PlatformSetup;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While no platform operator exists, the console's home and its sign-in page lead to the setup
 * page: nobody could sign in yet. It runs just before the security chains (whose order is -100),
 * so a visit of the home goes there at once rather than through the sign-in page.
 */
@Component
@Order(-101)
class FirstRunRedirect extends OncePerRequestFilter {

    private final PlatformSetup setup;

    FirstRunRedirect(PlatformSetup setup) {
        this.setup = setup;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !(path.equals("/") || path.equals("/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (setup.open()) {
            response.sendRedirect(request.getContextPath() + "/setup");
            return;
        }
        chain.doFilter(request, response);
    }
}
