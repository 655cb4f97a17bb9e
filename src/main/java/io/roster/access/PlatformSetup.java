package io.roster.access;

import io.roster.shared.Problems;
import io.roster.users.Accounts;
import io.roster.users.NewOperator;
import io.roster.users.OperatorAccounts;
import io.roster.users.UserEvents.OperatorCreated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * The first run: while no platform operator exists, a person on the server itself creates it on
 * the setup page and is signed in as it. The database decides whether the platform is set up
 * (every node reads the same row), and which of two simultaneous creations wins.
 */
@Component
public class PlatformSetup {

    /** How a creation ended: this request made the operator, or another one had just made it. */
    public enum Outcome { CREATED, ALREADY_DONE }

    private final Accounts accounts;
    private final OperatorAccounts operators;
    private final DeviceCookies devices;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
    // once set up, always set up: this node may stop asking the database
    private volatile boolean done;

    PlatformSetup(Accounts accounts, OperatorAccounts operators, DeviceCookies devices) {
        this.accounts = accounts;
        this.operators = operators;
        this.devices = devices;
    }

    /** True while no platform operator exists. */
    public boolean open() {
        if (!done && operators.operatorExists()) {
            done = true;
        }
        return !done;
    }

    /** Whether the request comes from the server itself: only such a visitor may set the platform up. */
    public boolean fromThisMachine(HttpServletRequest request) {
        return LocalClient.isLocal(request);
    }

    /**
     * Creates the operator and signs the browser in as it, in a new session. Field errors and a
     * taken email are the account module's problems; a request from elsewhere is refused.
     */
    public Outcome createOperator(NewOperator operator, HttpServletRequest request, HttpServletResponse response) {
        if (!fromThisMachine(request)) {
            throw new Problems.Forbidden("setup-not-local", "The platform is set up from the server itself");
        }
        if (!open()) {
            return Outcome.ALREADY_DONE;
        }
        String accountId;
        try {
            accountId = operators.createOperator(operator, OperatorCreated.Source.SETUP_PAGE);
        } catch (DataAccessException raced) {
            // the fixed key of the setup row: another request or node made the operator meanwhile
            if (operators.operatorExists()) {
                done = true;
                return Outcome.ALREADY_DONE;
            }
            throw raced;
        }
        done = true;
        signIn(accountId, request, response);
        return Outcome.CREATED;
    }

    /** As the sign-in form would: a new session id, a new CSRF token, the device cookie. */
    private void signIn(String accountId, HttpServletRequest request, HttpServletResponse response) {
        var account = accounts.byId(accountId).orElseThrow();
        Caller caller = new Caller(account.accountId(), account.userId(), true, null, null, null, null);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        var session = request.getSession(true);
        authentication.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), session.getId()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        csrfTokens.saveToken(null, request, response);
        response.addHeader(HttpHeaders.SET_COOKIE, devices.issue(accountId, request.isSecure()).toString());
    }
}
