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
 * Authenticates {@code Authorization: Bearer rsc_…} on {@code /scim/v2}: the principal is the
 * company's directory ({@link ScimClient}). Anything else — no header, another scheme, an API token,
 * an unknown or revoked SCIM token — is answered 401 in the SCIM error format at once.
 */
class ScimTokenFilter extends OncePerRequestFilter {

    static final String SCIM_AUTHORITY = "ROLE_SCIM";

    private final ScimTokens tokens;
    private final ScimErrorWriter errors;

    ScimTokenFilter(ScimTokens tokens, ScimErrorWriter errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        var client = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.authenticate(header.substring(7).trim())
                : java.util.Optional.<ScimClient>empty();
        if (client.isEmpty()) {
            errors.write(response, 401, null,
                    "Send Authorization: Bearer <SCIM token>; a company administrator creates one with"
                            + " POST /api/v1/companies/{companyId}/scim-tokens. This one is missing, unknown or revoked.");
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(client.get(), null,
                List.of(new SimpleGrantedAuthority(SCIM_AUTHORITY)));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
