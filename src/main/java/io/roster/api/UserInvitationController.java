package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.invitations.Invitation;
import io.roster.invitations.Invitations;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A user's account-setup invitation: (re)send, see its state, revoke. The link itself is only mailed. */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/users/{id}")
class UserInvitationController {

    private final Guard guard;
    private final UserLifecycle lifecycle;
    private final Invitations invitations;

    UserInvitationController(Guard guard, UserLifecycle lifecycle, Invitations invitations) {
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.invitations = invitations;
    }

    record InvitationView(String id, String kind, String email, String state, Instant createdAt, Instant expiresAt,
            Instant usedAt) {
        static InvitationView of(Invitation invitation) {
            return new InvitationView(invitation.id(), invitation.kind().name(), invitation.email(),
                    invitation.state().name(), invitation.createdAt(), invitation.expiresAt(), invitation.usedAt());
        }
    }

    @PostMapping("/invite")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationView invite(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id) {
        CompanyId company = owned(caller, companyId, id, Permission.USERS_MANAGE);
        return InvitationView.of(invitations.sendAccountSetup(company, id, caller.accountId()));
    }

    @GetMapping("/invitation")
    InvitationView state(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id) {
        owned(caller, companyId, id, Permission.USERS_READ);
        return invitations.accountSetupOf(id).map(InvitationView::of)
                .orElseThrow(() -> new Problems.NotFound("The user was never invited").coded("NEVER_INVITED"));
    }

    @DeleteMapping("/invitation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id) {
        owned(caller, companyId, id, Permission.USERS_MANAGE);
        invitations.revokeAccountSetup(id);
    }

    private CompanyId owned(Caller caller, String companyId, String id, Permission permission) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), permission);
        UserRow row = lifecycle.row(access.company(), id);
        if (row.external()) {
            throw new Problems.Forbidden("This is an external user: their own company invites them").coded("EXTERNAL_USER_INVITE");
        }
        if (permission == Permission.USERS_MANAGE) {
            guard.requireOutranks(access, id);
        }
        return access.company();
    }
}
