package io.roster.api;

import io.roster.access.Caller;
import io.roster.invitations.Invitation;
import io.roster.invitations.WorkspaceInvitations;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.workspaces.EndDatePolicy;
import io.roster.workspaces.WorkspaceAccess;
import io.roster.workspaces.WorkspaceGuard;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * External invitations to a workspace: {@code {email, right}}; the link is only mailed. Every handler
 * first asks {@link WorkspaceGuard#toManage}: only who may manage the members sees and sends invitations.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/workspaces/{workspaceId}/invitations")
class WorkspaceInvitationsController {

    private final WorkspaceGuard guard;
    private final WorkspaceInvitations invitations;

    WorkspaceInvitationsController(WorkspaceGuard guard, WorkspaceInvitations invitations) {
        this.guard = guard;
        this.invitations = invitations;
    }

    private WorkspaceAccess managing(Caller caller, String companyId, String workspaceId) {
        return guard.toManage(caller, new CompanyId(companyId), workspaceId);
    }

    /** {@code endsAt}: optional, an ISO-8601 instant in the future when the right given ends. */
    record InvitationRequest(String email, String right, String endsAt) {
    }

    /** {@code invitedBy} becomes the guest's sponsor on acceptance. */
    record InvitationView(String id, String email, String right, String state, String invitedBy, Instant createdAt,
            Instant expiresAt, Instant usedAt, Instant endsAt) {
        static InvitationView of(Invitation invitation) {
            return new InvitationView(invitation.id(), invitation.email(), invitation.right(), invitation.state().name(),
                    invitation.invitedBy(), invitation.createdAt(), invitation.expiresAt(), invitation.usedAt(),
                    invitation.endsAt());
        }
    }

    @PostMapping
    ResponseEntity<InvitationView> invite(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @RequestBody InvitationRequest request) {
        WorkspaceAccess access = managing(caller, companyId, workspaceId);
        Invitation invitation = invitations.invite(access, request.email(), request.right(),
                EndDatePolicy.parse(request.endsAt()));
        return Responses.created("/api/v1/companies/" + companyId + "/workspaces/" + workspaceId + "/invitations/"
                + invitation.id(), 0, InvitationView.of(invitation));
    }

    @GetMapping
    Page<InvitationView> list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return invitations.list(managing(caller, companyId, workspaceId), PageRequest.of(limit, cursor))
                .map(InvitationView::of);
    }

    @GetMapping("/{id}")
    InvitationView get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String id) {
        return InvitationView.of(invitations.get(managing(caller, companyId, workspaceId), id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String workspaceId,
            @PathVariable String id) {
        invitations.revoke(managing(caller, companyId, workspaceId), id);
    }

    @PostMapping("/{id}/resend")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationView resend(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String workspaceId, @PathVariable String id) {
        return InvitationView.of(invitations.resend(managing(caller, companyId, workspaceId), id));
    }
}
