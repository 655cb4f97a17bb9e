package io.roster.invitations;

import io.roster.access.Caller;
import io.roster.mail.MailKind;
import io.roster.mail.MailRequest;
import io.roster.mail.Outbox;
import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.EmailAddress;
import io.roster.shared.FieldErrors;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import io.roster.tenancy.Tenancy;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import io.roster.users.StaffAccounts;
import io.roster.users.NewStaff;
import io.roster.workspaces.EndDatePolicy;
import io.roster.workspaces.Workspace;
import io.roster.workspaces.WorkspaceAccess;
import io.roster.workspaces.WorkspaceMembers;
import io.roster.workspaces.WorkspaceRight;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations of outside people to a workspace (docs/rules.md §9): a workspace ADMIN (or
 * {@code workspaces.manage}) invites an email with a right; the link's page lets the person accept
 * as the existing account of that email, after signing in, or create a self-managed account.
 */
@Service
public class WorkspaceInvitations {

    private final InvitationRecords records;
    private final WorkspaceMembers members;
    private final Recipients recipients;
    private final StaffAccounts staffAccounts;
    private final Tenancy tenancy;
    private final Outbox outbox;
    private final Links links;
    private final Duration lifetime;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkspaceInvitations(InvitationRecords records, WorkspaceMembers members, Recipients recipients,
            StaffAccounts staffAccounts, Tenancy tenancy, Outbox outbox, Links links, InvitationProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.records = records;
        this.members = members;
        this.recipients = recipients;
        this.staffAccounts = staffAccounts;
        this.tenancy = tenancy;
        this.outbox = outbox;
        this.links = links;
        this.lifetime = properties.invitations().lifetime();
    }

    /**
     * Invites an email with a right. {@code access} comes from {@code WorkspaceGuard.toManage} (the
     * adapter authorized the caller); the workspace row is locked, like for member changes.
     */
    @Transactional
    public Invitation invite(WorkspaceAccess access, String email, String right) {
        return invite(access, email, right, null);
    }

    /**
     * As {@link #invite(WorkspaceAccess, String, String)}, with the end date of the right it gives
     * (null: none; else in the future). The inviter becomes the guest's sponsor on acceptance.
     */
    @Transactional
    public Invitation invite(WorkspaceAccess access, String email, String right, Instant endsAt) {
        Workspace workspace = members.lock(access);
        CompanyId company = access.companyId();
        String address = email == null ? null : email.trim();
        FieldErrors errors = new FieldErrors();
        if (!EmailAddress.isValid(address)) {
            errors.add("email", "is not a valid email address");
        }
        WorkspaceRight level = parse(right, errors);
        errors.throwIfAny();
        EndDatePolicy.requireFuture(endsAt, clock);
        recipients.byEmail(address).ifPresent(existing -> members.rightOf(company, workspace.id(), existing.accountId())
                .ifPresent(held -> {
                    throw new Problems.Conflict("already-member", address + " already holds the right " + held
                            + " on this workspace").coded("ALREADY_HOLDS_RIGHT", address, held);
                }));
        return send(inviter(access), company, workspace, address, level, false, endsAt);
    }

    /** Sends a new link for the same invitation; the old link dies. {@code access}: as for {@link #invite}. */
    @Transactional
    public Invitation resend(WorkspaceAccess access, String invitationId) {
        Workspace workspace = members.lock(access);
        Invitation old = find(workspace.id(), invitationId);
        if (old.state() == LinkState.USED) {
            throw new Problems.Conflict("invitation-used", "This invitation was already accepted");
        }
        records.end(old.id(), "REPLACED");
        Instant endsAt = old.endsAt() != null && old.endsAt().isAfter(clock.instant()) ? old.endsAt() : null;
        return send(inviter(access), access.companyId(), workspace, old.email(), WorkspaceRight.valueOf(old.right()),
                true, endsAt);
    }

    /** {@code access}: as for {@link #invite}. */
    @Transactional
    public void revoke(WorkspaceAccess access, String invitationId) {
        Workspace workspace = members.lock(access);
        Invitation invitation = find(workspace.id(), invitationId);
        if (records.end(invitation.id(), "REVOKED") == 0) {
            throw new Problems.Conflict("invitation-not-pending", "This invitation is already " + invitation.state()
                    .name().toLowerCase() + ": there is nothing to revoke");
        }
        events.publishEvent(new InvitationEvents.WorkspaceInvitationRevoked(access.companyId(), workspace.id(),
                invitation.id(), invitation.email()));
    }

    /** The workspace's invitations, newest first; {@code access} comes from {@code WorkspaceGuard.toManage}. */
    public Page<Invitation> list(WorkspaceAccess access, PageRequest page) {
        return Page.fromLookahead(records.ofWorkspace(access.managing().workspaceId(), page), page.limit(),
                last -> new Cursor("-createdAt", last.createdAt().atOffset(ZoneOffset.UTC).toString(), last.id()));
    }

    /** {@code access} comes from {@code WorkspaceGuard.toManage}. */
    public Invitation get(WorkspaceAccess access, String invitationId) {
        return find(access.managing().workspaceId(), invitationId);
    }

    private static String inviter(WorkspaceAccess access) {
        return access.companyAccess().caller().accountId();
    }

    private Invitation send(String inviter, CompanyId company, Workspace workspace, String email, WorkspaceRight right,
            boolean resent, Instant endsAt) {
        var issued = records.insert(InvitationKind.WORKSPACE, null, company.value(), workspace.id(), email, right.name(),
                inviter, Instant.now().plus(lifetime), null, endsAt);
        Recipient from = recipients.recipient(inviter).orElseThrow();
        String locale = recipients.byEmail(email).map(Recipient::locale).orElse(from.locale());
        outbox.enqueue(new MailRequest(email, locale, MailKind.WORKSPACE_INVITATION,
                List.of(email, from.displayName(), workspace.name(), tenancy.company(company).name(),
                        // the right in the recipient's language, not its code
                        new org.springframework.context.support.DefaultMessageSourceResolvable(
                                new String[] {"right." + right.name()}, right.name())),
                links.invitation(issued.token()), issued.expiresAt()));
        events.publishEvent(new InvitationEvents.WorkspaceInvitationSent(company, workspace.id(), issued.id(), email,
                right.name(), issued.expiresAt(), resent));
        return records.inWorkspace(workspace.id(), issued.id()).orElseThrow();
    }

    private Invitation find(String workspaceId, String invitationId) {
        return records.inWorkspace(workspaceId, invitationId)
                .orElseThrow(() -> new Problems.NotFound("No invitation " + invitationId + " for this workspace").coded("NO_INVITATION", invitationId));
    }

    private static WorkspaceRight parse(String right, FieldErrors errors) {
        if (right == null) {
            errors.add("right", "is required: ADMIN, WRITE or READ");
            return null;
        }
        try {
            return WorkspaceRight.valueOf(right);
        } catch (IllegalArgumentException e) {
            errors.add("right", "must be ADMIN, WRITE or READ");
            return null;
        }
    }

    /**
     * Accepts as the signed-in person, who must own the invited email (docs/rules.md §9: the existing
     * account with that email gets the right, after signing in).
     */
    @Transactional
    public Invitation acceptAs(Caller signedIn, String token) {
        Invitation invitation = usable(token);
        Recipient me = recipients.recipient(signedIn.accountId()).orElseThrow();
        if (!EmailAddress.keyOf(me.email()).equals(EmailAddress.keyOf(invitation.email()))) {
            throw new Problems.Forbidden("wrong-account", "This invitation is for " + invitation.email()
                    + ": sign out, then sign in with that account").coded("INVITATION_FOR_OTHER", invitation.email());
        }
        grant(invitation, me.accountId());
        return invitation;
    }

    /** Accepts by creating a self-managed account for the invited email (which the link proves). */
    @Transactional
    public Invitation acceptWithNewAccount(String token, NewStaff person) {
        Invitation invitation = usable(token);
        if (recipients.byEmail(invitation.email()).isPresent()) {
            throw new Problems.Conflict("account-exists", "An account already uses " + invitation.email()
                    + ": sign in with it to accept").coded("ACCOUNT_EXISTS_FOR", invitation.email());
        }
        String accountId = staffAccounts.createSelfManaged(new NewStaff(person.userId(), person.firstName(),
                person.lastName(), invitation.email(), person.password(), true, person.locale()));
        grant(invitation, accountId);
        return invitation;
    }

    /** What the page of a workspace link shows. */
    public record WorkspaceLink(Invitation invitation, String workspaceName, String companyName, String inviterName,
            boolean accountExists) {
    }

    public java.util.Optional<WorkspaceLink> open(String token) {
        return records.byToken(token).filter(i -> i.kind() == InvitationKind.WORKSPACE).map(i -> new WorkspaceLink(i,
                members.nameOf(new CompanyId(i.companyId()), i.workspaceId()).orElse("?"),
                tenancy.company(new CompanyId(i.companyId())).name(),
                recipients.recipient(i.invitedBy()).map(Recipient::displayName).orElse(null),
                recipients.byEmail(i.email()).isPresent()));
    }

    private Invitation usable(String token) {
        Invitation invitation = records.lockByToken(token).filter(i -> i.kind() == InvitationKind.WORKSPACE)
                .orElseThrow(() -> new Invitations.LinkRefused(null));
        if (!invitation.usable()) {
            throw new Invitations.LinkRefused(invitation.state());
        }
        return invitation;
    }

    private void grant(Invitation invitation, String accountId) {
        members.acceptInvitation(new CompanyId(invitation.companyId()), invitation.workspaceId(), accountId,
                WorkspaceRight.valueOf(invitation.right()), invitation.invitedBy(), invitation.endsAt());
        records.markUsed(invitation.id());
    }
}
