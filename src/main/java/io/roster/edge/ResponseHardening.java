package io.roster.edge;

import io.roster.shared.OutsideRedirects;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every response (console, API, error pages) carries: a Permissions-Policy that denies the
 * browser features Roster never uses, redirects that never carry the request's Host header
 * ({@link HardenedResponse}), and cookies marked Secure when Roster is reached over HTTPS. Runs
 * before Spring Session's filter, so the session cookie is written through it too, and before the
 * input check, so refusals carry the headers as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ResponseHardening extends OncePerRequestFilter {

    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(),"
            + " geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(),"
            // passkeys (docs/rules.md §21): WebAuthn on Roster's own pages only, never in a frame of another site
            + " publickey-credentials-create=(self), publickey-credentials-get=(self), screen-wake-lock=(), serial=(),"
            + " usb=(), xr-spatial-tracking=()";

    private final URI publicUrl;
    private final boolean secureCookies;
    private final OutsideRedirects outside;

    /** Cookies are Secure when the public URL is https, unless {@code roster.secure-cookies} says otherwise. */
    ResponseHardening(EdgeProperties properties, ObjectProvider<OutsideRedirects> outside) {
        this.publicUrl = properties.publicUri();
        this.secureCookies = properties.cookiesSecure();
        // the registered apps' redirect URIs (io.roster.oidc), when that module is there
        OutsideRedirects registered = outside.getIfAvailable();
        this.outside = registered != null ? registered : target -> false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        chain.doFilter(request, new HardenedResponse(response, publicUrl, secureCookies, outside));
    }
}
