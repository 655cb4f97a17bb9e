package io.roster.api;

import io.roster.access.ApiTokens;
import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.IssuedToken;
import io.roster.access.SignIn;
import io.roster.shared.CompanyId;
import io.roster.shared.PlainText;
import io.roster.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import io.roster.shared.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens: HTTP Basic (email or userId, and password) in exchange for a bearer token, optionally
 * narrowed to one company ({@code ?companyId=}); the owner lists and revokes its tokens. A client
 * may send the device cookie the console gave it: then only that device's failures throttle it. An
 * account with a second factor adds {@code X-Roster-OTP}; without it the answer is 401
 * {@code /problems/mfa-required}.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokensController {

    private final SignIn signIn;
    private final ApiTokens tokens;
    private final Guard guard;

    TokensController(SignIn signIn, ApiTokens tokens, Guard guard) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.guard = guard;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken create(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestParam(required = false) String companyId,
            @CookieValue(name = SignIn.DEVICE_COOKIE, required = false) String deviceCookie,
            @RequestHeader(name = "X-Roster-OTP", required = false) String otp, HttpServletRequest request) {
        String[] credentials = basic(authorization);
        // an account with a second factor also sends a current code (or a recovery code) in X-Roster-OTP
        Caller caller = signIn.withPassword(credentials[0], credentials[1], request.getRemoteAddr(), SignIn.Channel.API,
                deviceCookie, otp);
        if (companyId != null && !companyId.isBlank()) {
            guard.accessTo(caller, new CompanyId(companyId));
        }
        return tokens.issue(caller.accountId(), companyId == null || companyId.isBlank() ? null : companyId);
    }

    @GetMapping
    Page<ApiTokens.TokenInfo> mine(@AuthenticationPrincipal Caller caller) {
        // at most 200 newest tokens: one page, so no cursor
        return new Page<>(tokens.of(caller.accountId()), null);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        // its owner revokes a token, and so may the platform operator; anyone else's is "not found"
        if (caller.operator()) {
            tokens.revokeAny(id);
        } else {
            tokens.revokeOf(caller.accountId(), id);
        }
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new Problems.Unauthorized("Send your email or user ID and your password with HTTP Basic authentication").coded("BASIC_AUTH_MISSING");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Problems.Unauthorized("The HTTP Basic credentials are not valid Base64").coded("BASIC_AUTH_NOT_BASE64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new Problems.Unauthorized("The HTTP Basic credentials must be login:password").coded("BASIC_AUTH_MALFORMED");
        }
        // refused before the sign-in looks anything up: the database cannot even compare a NUL
        PlainText.require("Authorization", decoded);
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
