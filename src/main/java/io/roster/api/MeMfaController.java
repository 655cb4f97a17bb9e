package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Passkeys;
import io.roster.access.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own second factors (docs/rules.md §21): what is enrolled, an authenticator app
 * (secret, then a first code), its removal with a current code, new recovery codes. Only the
 * caller's own account is reachable here.
 */
@RestController
@RequestMapping("/api/v1/me/mfa")
class MeMfaController {

    private final SecondFactors factors;
    private final Passkeys passkeys;

    MeMfaController(SecondFactors factors, Passkeys passkeys) {
        this.factors = factors;
        this.passkeys = passkeys;
    }

    /** {@code passkeys}: the caller's passkeys (id, name, when added and last used), never a key. */
    record Enrolled(boolean totp, int recoveryCodesLeft, List<Passkeys.Passkey> passkeys) {
    }

    record TotpSecret(String secret, String otpauthUri) {
    }

    record CodeRequest(String code) {
    }

    record RecoveryCodes(List<String> recoveryCodes) {
    }

    @GetMapping
    Enrolled enrolled(@AuthenticationPrincipal Caller caller) {
        SecondFactors.Status status = factors.status(caller.accountId());
        return new Enrolled(status.totp(), status.recoveryCodesLeft(), passkeys.list(caller.accountId()));
    }

    /** Removes one of the caller's passkeys (registered on the profile page); 404 for any other. */
    @DeleteMapping("/passkeys/{passkeyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePasskey(@AuthenticationPrincipal Caller caller, @PathVariable String passkeyId) {
        passkeys.remove(caller, passkeyId);
    }

    @PostMapping("/totp")
    @ResponseStatus(HttpStatus.CREATED)
    TotpSecret startTotp(@AuthenticationPrincipal Caller caller) {
        SecondFactors.TotpSetup setup = factors.startTotp(caller, null);
        return new TotpSecret(setup.secret(), setup.otpauthUri());
    }

    /** The first code enrols the app; the answer holds the first ten recovery codes, shown once. */
    @PostMapping("/totp/confirm")
    RecoveryCodes confirmTotp(@AuthenticationPrincipal Caller caller, @RequestBody CodeRequest request,
            HttpServletRequest http) {
        return new RecoveryCodes(factors.confirmTotp(caller, request.code(), http.getRemoteAddr()));
    }

    /** Takes the current code in the body ({@code {code}}) or in {@code X-Roster-OTP}. */
    @DeleteMapping("/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeTotp(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) CodeRequest request,
            @RequestHeader(name = "X-Roster-OTP", required = false) String header, HttpServletRequest http) {
        String code = request != null && request.code() != null ? request.code() : header;
        factors.removeTotp(caller, code, http.getRemoteAddr());
    }

    @PostMapping("/recovery-codes")
    @ResponseStatus(HttpStatus.CREATED)
    RecoveryCodes renewRecoveryCodes(@AuthenticationPrincipal Caller caller) {
        return new RecoveryCodes(factors.renewRecoveryCodes(caller));
    }
}
