package io.roster.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer rst_…}. A bad, expired or revoked token, or one whose
 * account is no longer ACTIVE or has lost its last role and right, is answered 401 at once rather
 * than treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemWriter problems;

    BearerTokenFilter(ApiTokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var caller = tokens.authenticate(header.substring(7).trim());
        if (caller.isEmpty()) {
            problems.write(response, 401, "unauthorized", "Unauthorized",
                    "The bearer token is unknown, expired or revoked, or its account is not active or holds no role or right any more: get a new one with POST /api/v1/tokens");
            return;
        }
        var authorities = caller.get().operator() ? List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")) : List.<SimpleGrantedAuthority>of();
        var authentication = new UsernamePasswordAuthenticationToken(caller.get(), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
