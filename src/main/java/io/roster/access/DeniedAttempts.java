package io.roster.access;

import io.roster.shared.ProblemException;
import io.roster.shared.RefusedRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every refused attempt at a change by a signed-in caller (a state-changing request answered 403,
 * or refused in place by the console) is published as {@link AccessEvents.AccessDenied}, which the
 * audit log records as {@code access.denied}: someone probing what they may do leaves a trail.
 * Bounded per actor ({@link DeniedAttemptBudget}) so a loop of refused calls cannot flood the log.
 * Sign-in refusals are not here: sign-in events record them. Not a bean, like the other filters of
 * the security chains.
 */
class DeniedAttempts extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DeniedAttempts.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SIGN_IN_PATHS = Set.of("/login", "/api/v1/tokens");
    private static final Pattern COMPANY = Pattern.compile("/companies/([^/]{1,36})(?:/|$)");
    private static final Pattern PARTNER = Pattern.compile("/partners/([^/]{1,36})(?:/|$)");

    private final ApplicationEventPublisher events;
    private final DeniedAttemptBudget budget;

    DeniedAttempts(ApplicationEventPublisher events, DeniedAttemptBudget budget) {
        this.events = events;
        this.budget = budget;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (!SAFE_METHODS.contains(request.getMethod()) && !SIGN_IN_PATHS.contains(request.getServletPath())) {
                var refusal = RefusedRequests.of(request);
                if (refusal.isPresent() || response.getStatus() == 403) {
                    record(request, refusal.map(ProblemException::type).orElse("forbidden"));
                }
            }
        }
    }

    private void record(HttpServletRequest request, String reason) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            return;
        }
        DeniedAttemptBudget.Grant grant = budget.take(caller.accountId());
        if (!grant.allowed()) {
            return;
        }
        String path = request.getRequestURI();
        try {
            events.publishEvent(new AccessEvents.AccessDenied(caller.accountId(), request.getMethod(),
                    path.length() > 200 ? path.substring(0, 200) : path, group(COMPANY, path), group(PARTNER, path),
                    reason, grant.suppressedBefore()));
        } catch (RuntimeException failed) {
            // the refusal itself was answered; a trail that cannot be written must not turn it into a 500
            log.warn("Could not record a refused attempt of {} on {} {}: {}", caller.accountId(), request.getMethod(),
                    path, failed.toString());
        }
    }

    private static String group(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.find() ? matcher.group(1) : null;
    }
}
