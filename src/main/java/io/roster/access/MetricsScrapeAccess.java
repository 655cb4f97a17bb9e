package io.roster.access;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may read {@code /actuator/prometheus}: with {@code ROSTER_METRICS_TOKEN} set, whoever sends
 * {@code Authorization: Bearer <that token>}, from anywhere; without it, only a collector on this
 * machine (a loopback address) that did not come through a proxy, since a reverse proxy on the same
 * host would make every visitor look local. The metrics name companies and reveal load, so they are
 * never public.
 */
@Component
class MetricsScrapeAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final byte[] token;

    @Autowired
    MetricsScrapeAccess(AccessProperties properties) {
        this(properties.metrics().token());
    }

    /** {@code token}: the configured value, empty when collectors must be local. */
    MetricsScrapeAccess(String token) {
        this.token = token.isBlank() ? null : token.trim().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        return new AuthorizationDecision(allowed(context.getRequest()));
    }

    boolean allowed(HttpServletRequest request) {
        if (token != null) {
            String header = request.getHeader("Authorization");
            return header != null && header.startsWith("Bearer ")
                    && MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        }
        return LocalClient.isLocal(request);
    }
}
