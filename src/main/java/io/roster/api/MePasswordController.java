package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.OwnPassword;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller changes its own password, proving the current one; a security mail follows. */
@RestController
@RequestMapping("/api/v1/me")
class MePasswordController {

    private final OwnPassword ownPassword;

    MePasswordController(OwnPassword ownPassword) {
        this.ownPassword = ownPassword;
    }

    record PasswordRequest(String currentPassword, String newPassword) {
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void change(@AuthenticationPrincipal Caller caller, @RequestBody PasswordRequest request, HttpServletRequest http) {
        ownPassword.change(caller, request.currentPassword(), request.newPassword(), http.getRemoteAddr());
    }
}
