package io.roster.access;

import io.roster.shared.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

/**
 * A console sign-in with a passkey (docs/rules.md §21), behind Spring Security's
 * {@code POST /login/webauthn}: Spring verifies the assertion against the stored credential, then
 * the account's rules and throttle apply as for a password ({@link SignIn#passkeyStep}). A passkey
 * alone signs in (factor {@code WEBAUTHN}, {@code amr} {@code hwk}); as the second step of a
 * session whose password was accepted it must be a passkey of that same account, and the session
 * then holds both factors. An assertion refused (a passkey Roster does not know, a bad signature,
 * another account's passkey) counts in the sign-in throttle and is recorded like a wrong password
 * ({@link SignIn#passkeyFailed}); a throttled account or address is refused before the assertion is
 * even checked. A browser carrying a valid device cookie of the account is counted on its own, as a
 * password attempt from it is ({@link DeviceCookies}): someone locking the account from elsewhere
 * does not keep the person's own browser out. The answer is the JSON Spring's script expects:
 * {@code {authenticated, redirectUrl}}; a refusal is a bare 401.
 */
final class PasskeySignIn implements org.springframework.security.authentication.AuthenticationManager,
        AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PasskeySignIn.class);

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final SignIn signIn;
    private final DeviceCookies devices;
    private final Passkeys passkeys;
    private final RequestCache requests = new HttpSessionRequestCache();

    PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, SignIn signIn, DeviceCookies devices, Passkeys passkeys) {
        this.passkeys = passkeys;
        this.relyingParty = relyingParty;
        this.signIn = signIn;
        this.devices = devices;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof WebAuthnAuthenticationRequestToken request)) {
            throw new BadCredentialsException("Not a passkey");
        }
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        boolean afterPassword = SecondStep.due(before) || SecondStep.enrolmentDue(before);
        String pending = afterPassword && before.getPrincipal() instanceof Caller owing ? owing.accountId() : null;
        String credentialId = credentialId(request);
        // the account the attempt counts against: the one signing in, else the passkey's owner (if any)
        String subject = pending != null ? pending : passkeys.ownerOf(credentialId).orElse(null);
        HttpServletRequest current = currentRequest();
        String address = current == null ? null : current.getRemoteAddr();
        // a browser the account signed in from before is throttled on its own, as for a password
        String deviceCookie = deviceCookie(current);
        try {
            signIn.passkeyNotThrottled(subject, credentialId, address, deviceCookie);
        } catch (ProblemException refused) {
            throw new BadCredentialsException(refused.detail());
        }
        PublicKeyCredentialUserEntity entity;
        try {
            entity = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException refused) {
            signIn.passkeyFailed(subject, credentialId, address, deviceCookie);
            throw new BadCredentialsException("The passkey was not accepted", refused);
        }
        if (afterPassword && !entity.getName().equals(pending)) {
            signIn.passkeyFailed(pending, credentialId, address, deviceCookie);
            throw new BadCredentialsException("The passkey is another account's");
        }
        Caller caller;
        try {
            caller = signIn.passkeyStep(entity.getName(), address, afterPassword, deviceCookie);
        } catch (ProblemException refused) {
            throw new BadCredentialsException(refused.detail());
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (afterPassword) {
            authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        }
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
        if (caller.operator()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_OPERATOR"));
        }
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
        if (before != null && afterPassword) {
            signedIn.setDetails(before.getDetails());
        }
        return signedIn;
    }

    /** The credential id the browser sent (base64url), or null when there is none. */
    private static String credentialId(WebAuthnAuthenticationRequestToken request) {
        try {
            var credential = request.getWebAuthnRequest().getPublicKey();
            return credential == null || credential.getRawId() == null ? null : credential.getRawId().toBase64UrlString();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** The device cookie the browser sent, or null; {@link SignIn} checks it belongs to the account. */
    private static String deviceCookie(HttpServletRequest request) {
        var cookie = request == null ? null : WebUtils.getCookie(request, DeviceCookies.NAME);
        return cookie == null ? null : cookie.getValue();
    }

    /** A new session id, the device cookie, and where the person was going (or the landing). */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        request.changeSessionId();
        if (authentication.getPrincipal() instanceof Caller caller) {
            response.addHeader(HttpHeaders.SET_COOKIE, devices.issue(caller.accountId(), request.isSecure()).toString());
        }
        SavedRequest saved = requests.getRequest(request, response);
        String target = saved != null ? saved.getRedirectUrl() : request.getContextPath() + ConsoleSignIn.LANDING;
        requests.removeRequest(request, response);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"authenticated\":true,\"redirectUrl\":\""
                + jsonText(target) + "\"}");
    }

    /** A string's JSON form without its quotes; {@code <} escaped too. */
    private static String jsonText(String text) {
        StringBuilder json = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || c == '<') {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.toString();
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) {
        LOG.debug("Passkey sign-in refused: {}", exception.getMessage(), exception.getCause());
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
