package io.roster.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Opens a console session without the sign-in form, for a person who has just proven who they
 * are another way: setting their password through their mailed link. The same rules as the form
 * (status, throttle, the sign-in's audit entry, a new device cookie), and a new session id, so a
 * session fixed before cannot be taken over.
 */
@Component
public class ConsoleSessions {

    private final ConsoleSignIn form;
    private final DeviceCookies devices;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ConsoleSessions(ConsoleSignIn form, DeviceCookies devices) {
        this.form = form;
        this.devices = devices;
    }

    /** Signs the person in with what they just typed; false (and nothing changed) when refused. */
    public boolean signIn(String login, String password, HttpServletRequest request, HttpServletResponse response) {
        UsernamePasswordAuthenticationToken typed = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        typed.setDetails(ConsoleSignIn.DETAILS.buildDetails(request));
        Authentication signedIn;
        try {
            signedIn = form.authenticate(typed);
        } catch (org.springframework.security.core.AuthenticationException refused) {
            return false;
        }
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        if (signedIn.getPrincipal() instanceof Caller caller) {
            response.addHeader(HttpHeaders.SET_COOKIE, devices.issue(caller.accountId(), request.isSecure()).toString());
        }
        return true;
    }
}
