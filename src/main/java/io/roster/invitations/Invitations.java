package io.roster.invitations;

import io.roster.mail.MailKind;
import io.roster.mail.MailRequest;
import io.roster.mail.Outbox;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.tenancy.Tenancy;
import io.roster.users.Recipient;
import io.roster.users.MailedLinks;
import io.roster.users.Recipients;
import io.roster.users.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account-setup invitations, password resets and email confirmations (docs/rules.md §9). Each link is
 * written with its mail in the same transaction; resending replaces the earlier link.
 */
@Service
public class Invitations {

    private final InvitationRecords records;
    private final Recipients recipients;
    private final MailedLinks mailedLinks;
    private final Tenancy tenancy;
    private final Outbox outbox;
    private final Links links;
    private final Duration lifetime;
    private final Duration resetLifetime;
    private final Duration cancelLifetime;
    private final ApplicationEventPublisher events;

    Invitations(InvitationRecords records, Recipients recipients, MailedLinks mailedLinks, Tenancy tenancy,
            Outbox outbox, Links links, InvitationProperties properties, ApplicationEventPublisher events) {
        this.cancelLifetime = properties.invitations().emailCancelLifetime();
        this.events = events;
        this.records = records;
        this.recipients = recipients;
        this.mailedLinks = mailedLinks;
        this.tenancy = tenancy;
        this.outbox = outbox;
        this.links = links;
        this.lifetime = properties.invitations().lifetime();
        this.resetLifetime = properties.invitations().resetLifetime();
    }

    /**
     * Mails a fresh account-setup link to an ACTIVE internal user; an earlier link dies. The
     * caller has checked that the user belongs to {@code company}.
     */
    @Transactional
    public Invitation sendAccountSetup(CompanyId company, String accountId, String invitedBy) {
        return sendAccountSetup(company, accountId, invitedBy, true);
    }

    /**
     * The first activation's link: only an ACTIVE account is ever sent one, so before its first
     * activation an account has none to replace, and the replacing UPDATE is left out.
     */
    @Transactional
    Invitation sendFirstAccountSetup(CompanyId company, String accountId) {
        return sendAccountSetup(company, accountId, null, false);
    }

    private Invitation sendAccountSetup(CompanyId company, String accountId, String invitedBy, boolean replace) {
        Recipient person = recipients.recipient(accountId)
                .orElseThrow(() -> new Problems.NotFound("No user " + accountId).coded("NO_USER", accountId));
        if (person.status() != UserStatus.ACTIVE) {
            throw new Problems.Conflict("user-not-active", "Only an active user can be invited: activate the user first");
        }
        if (replace) {
            records.replacePending(accountId, InvitationKind.ACCOUNT_SETUP);
        }
        var issued = records.insert(InvitationKind.ACCOUNT_SETUP, accountId, company.value(), null, person.email(), null,
                invitedBy, Instant.now().plus(lifetime));
        String inviter = invitedBy == null ? null : recipients.recipient(invitedBy).map(Recipient::displayName).orElse(null);
        String companyName = tenancy.company(company).name();
        outbox.enqueue(new MailRequest(person.email(), person.locale(), MailKind.ACCOUNT_SETUP,
                // {3} says whether someone is named as inviting: else the mail would read "Acme invites you to join Acme"
                List.<Object>of(person.displayName(), companyName, inviter == null ? "" : inviter, inviter == null ? 0 : 1),
                links.invitation(issued.token()), issued.expiresAt()));
        Invitation sent = issued.invitation();
        events.publishEvent(new InvitationEvents.AccountSetupSent(company, accountId, sent.id(), sent.email(),
                sent.expiresAt()));
        return sent;
    }

    /** The latest account-setup link of a user, for the user profile. */
    public Optional<Invitation> accountSetupOf(String accountId) {
        return records.latestFor(accountId, InvitationKind.ACCOUNT_SETUP);
    }

    /** Revokes a user's pending account-setup link (404 when there is none). */
    @Transactional
    public void revokeAccountSetup(String accountId) {
        if (records.revokePending(accountId, InvitationKind.ACCOUNT_SETUP) == 0) {
            throw new Problems.NotFound("The user has no pending invitation").coded("NO_PENDING_INVITATION");
        }
        records.latestFor(accountId, InvitationKind.ACCOUNT_SETUP).filter(revoked -> revoked.companyId() != null)
                .ifPresent(revoked -> events.publishEvent(new InvitationEvents.AccountSetupRevoked(
                        new CompanyId(revoked.companyId()), accountId, revoked.id())));
    }

    /**
     * Forgot password: mails a short-lived link when an ACTIVE account has this email; answers
     * nothing either way, so the page cannot be used to learn who has an account.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        recipients.activeByEmail(email).ifPresent(person -> {
            records.replacePending(person.accountId(), InvitationKind.PASSWORD_RESET);
            var issued = records.insert(InvitationKind.PASSWORD_RESET, person.accountId(), person.homeCompanyId(), null,
                    person.email(), null, null, Instant.now().plus(resetLifetime));
            outbox.enqueue(new MailRequest(person.email(), person.locale(), MailKind.PASSWORD_RESET,
                    List.of(person.displayName()), links.invitation(issued.token()), issued.expiresAt()));
        });
    }

    /** What a link is, for the page that opens it. Unknown tokens are empty. */
    public Optional<LinkView> open(String token) {
        return records.byToken(token).map(this::view);
    }

    /**
     * Uses an account-setup or password-reset link to set the password (which also proves the
     * email). A link that is not VALID is refused with its state.
     */
    @Transactional
    public Invitation setPassword(String token, String password) {
        Invitation invitation = usable(token, InvitationKind.ACCOUNT_SETUP, InvitationKind.PASSWORD_RESET);
        mailedLinks.setPasswordFromLink(invitation.accountId(), password);
        records.markUsed(invitation.id());
        return invitation;
    }

    /** Uses an email-confirmation link: the pending address becomes the account's email. */
    @Transactional
    public Invitation confirmEmail(String token) {
        Invitation invitation = usable(token, InvitationKind.EMAIL_CHANGE);
        if (!mailedLinks.confirmEmail(invitation.accountId(), invitation.email())) {
            throw new LinkRefused(LinkState.REPLACED);
        }
        records.markUsed(invitation.id());
        return invitation;
    }

    /**
     * Uses the link mailed to the old address: the change is cancelled while pending, undone once
     * confirmed. Either way the confirmation link dies.
     */
    @Transactional
    public Invitation cancelEmailChange(String token) {
        Invitation invitation = usable(token, InvitationKind.EMAIL_CHANGE_CANCEL);
        if (!mailedLinks.cancelEmailChange(invitation.accountId(), invitation.email(), invitation.newEmail())) {
            throw new LinkRefused(LinkState.REPLACED);
        }
        records.markUsed(invitation.id());
        records.replacePending(invitation.accountId(), InvitationKind.EMAIL_CHANGE);
        return invitation;
    }

    /**
     * An administrator asked to change the email of an existing account: the new address gets a
     * link to confirm it, the old one is told and gets a link to cancel (docs/rules.md §3). The cancel link
     * outlives the confirmation, so a change confirmed by someone else can still be undone.
     */
    @Transactional
    public void emailChangeRequested(String accountId, String oldEmail, String newEmail) {
        Recipient person = recipients.recipient(accountId).orElseThrow();
        records.replacePending(accountId, InvitationKind.EMAIL_CHANGE);
        records.replacePending(accountId, InvitationKind.EMAIL_CHANGE_CANCEL);
        var confirm = records.insert(InvitationKind.EMAIL_CHANGE, accountId, person.homeCompanyId(), null, newEmail, null,
                null, Instant.now().plus(lifetime));
        var cancel = records.insert(InvitationKind.EMAIL_CHANGE_CANCEL, accountId, person.homeCompanyId(), null, oldEmail,
                null, null, Instant.now().plus(cancelLifetime), newEmail);
        outbox.enqueue(new MailRequest(newEmail, person.locale(), MailKind.EMAIL_CHANGE_VERIFY,
                List.of(person.displayName()), links.invitation(confirm.token()), confirm.expiresAt()));
        outbox.enqueue(new MailRequest(oldEmail, person.locale(), MailKind.EMAIL_CHANGED_NOTICE,
                List.of(person.displayName(), newEmail), links.invitation(cancel.token()), cancel.expiresAt()));
    }

    private Invitation usable(String token, InvitationKind... kinds) {
        Invitation invitation = records.lockByToken(token).orElseThrow(() -> new LinkRefused(null));
        if (!List.of(kinds).contains(invitation.kind())) {
            throw new LinkRefused(null);
        }
        if (!invitation.usable()) {
            throw new LinkRefused(invitation.state());
        }
        return invitation;
    }

    private LinkView view(Invitation invitation) {
        String inviter = invitation.invitedBy() == null ? null
                : recipients.recipient(invitation.invitedBy()).map(Recipient::displayName).orElse(null);
        String company = invitation.companyId() == null ? null
                : tenancy.company(new CompanyId(invitation.companyId())).name();
        String person = invitation.accountId() == null ? null
                : recipients.recipient(invitation.accountId()).map(Recipient::displayName).orElse(null);
        return new LinkView(invitation, inviter, person, company);
    }

    /** A link with the names its page shows: who invited whom to what. */
    public record LinkView(Invitation invitation, String inviterName, String personName, String companyName) {
    }

    /** A link that cannot be used; {@code state} is null for an unknown link. */
    public static final class LinkRefused extends Problems.GoneOrUnknown {

        private final LinkState state;

        public LinkRefused(LinkState state) {
            super(state == null ? "This link is not valid" : "This link cannot be used any more: " + state.name().toLowerCase());
            this.state = state;
        }

        public LinkState state() {
            return state;
        }
    }
}
