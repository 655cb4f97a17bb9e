package io.roster.demo;

import io.roster.access.Caller;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Puts the person the demo acts as in the security context, where the audit reads who made a
 * change, and puts back what was there after.
 */
final class DemoSecurity {

    private DemoSecurity() {
    }

    static <T> T actingAs(Caller caller, Supplier<T> action) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of()));
        SecurityContextHolder.setContext(acting);
        try {
            return action.get();
        } finally {
            if (before.getAuthentication() == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.setContext(before);
            }
        }
    }
}
