package io.roster.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the node refuses traffic (it is shutting down), every answer carries
 * {@code Connection: close}: the client closes its kept-alive connection after it and sends its
 * next request through the balancer to a node that stays. Without it, a request sent on a
 * kept-alive connection once the web server had paused was answered 503 or lost.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CloseConnectionsWhileDraining extends OncePerRequestFilter {

    private final ApplicationAvailability availability;

    CloseConnectionsWhileDraining(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        chain.doFilter(request, response);
    }
}
