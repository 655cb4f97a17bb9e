package io.roster.guests;

import io.roster.mail.MailKind;
import io.roster.mail.MailRequest;
import io.roster.mail.Outbox;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.tenancy.Tenancy;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import io.roster.users.UserStatus;
import io.roster.workspaces.Guests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the monthly review mails and acts on their links (docs/rules.md §8). {@link #sendMonthly()}
 * is safe on several nodes and when called twice at once: a reviewer's month is claimed by inserting
 * its period row, in the same transaction as its links and its mail, so one mail goes per reviewer,
 * company and month.
 */
@Service
public class GuestReviews {

    private static final Logger log = LoggerFactory.getLogger(GuestReviews.class);
    private static final int BATCH = 200;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final ReviewRecords records;
    private final Guests guests;
    private final Recipients recipients;
    private final Tenancy tenancy;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Environment environment;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Duration lifetime;

    GuestReviews(ReviewRecords records, Guests guests, Recipients recipients, Tenancy tenancy, Outbox outbox,
            MessageSource messages, Environment environment, Clock clock, ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            GuestReviewProperties properties) {
        this.records = records;
        this.guests = guests;
        this.recipients = recipients;
        this.tenancy = tenancy;
        this.outbox = outbox;
        this.messages = messages;
        this.environment = environment;
        this.clock = clock;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.lifetime = properties.linkLifetime();
    }

    /** Sends this month's reviews not sent yet; returns how many mails this call queued. */
    public int sendMonthly() {
        String period = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)).toString();
        int sent = 0;
        Guests.Reviewer after = null;
        List<Guests.Reviewer> reviewers;
        do {
            reviewers = guests.reviewers(after, BATCH);
            for (Guests.Reviewer reviewer : reviewers) {
                try {
                    if (Boolean.TRUE.equals(tx.execute(status -> sendOne(reviewer, period)))) {
                        sent++;
                    }
                } catch (DataIntegrityViolationException | PessimisticLockingFailureException claimedElsewhere) {
                    log.debug("Review of {} for {} claimed by another node", reviewer.accountId(), period);
                }
                after = reviewer;
            }
        } while (reviewers.size() == BATCH);
        return sent;
    }

    private boolean sendOne(Guests.Reviewer reviewer, String period) {
        Instant now = clock.instant();
        String company = reviewer.company().value();
        if (!records.claimPeriod(company, reviewer.accountId(), period, now)) {
            return false;
        }
        List<Guests.Guest> listed = guests.of(reviewer);
        records.countGuests(company, reviewer.accountId(), period, listed.size());
        Recipient person = recipients.recipient(reviewer.accountId()).filter(r -> r.status() == UserStatus.ACTIVE)
                .orElse(null);
        if (listed.isEmpty() || person == null) {
            return false;
        }
        Locale locale = Locale.forLanguageTag(person.locale() == null ? "en" : person.locale());
        Instant expiresAt = now.plus(lifetime);
        List<MailRequest.Item> items = new ArrayList<>();
        for (Guests.Guest guest : listed) {
            String token = records.insertLink(company, guest.workspaceId(), guest.accountId(), reviewer.accountId(),
                    period, now, expiresAt);
            items.add(new MailRequest.Item(line(guest, locale), List.of(
                    new MailRequest.ItemLink("keep", link(token, Decision.KEEP, locale)),
                    new MailRequest.ItemLink("remove", link(token, Decision.REMOVE, locale)))));
        }
        outbox.enqueue(new MailRequest(person.email(), locale.getLanguage(), MailKind.GUEST_REVIEW,
                List.of(person.displayName(), tenancy.company(reviewer.company()).name(), listed.size()), null,
                expiresAt, items));
        events.publishEvent(new GuestReviewEvents.ReviewSent(reviewer.company(), reviewer.accountId(), period,
                listed.size()));
        return true;
    }

    private String line(Guests.Guest guest, Locale locale) {
        String right = messages.getMessage("right." + guest.right().name(), null, guest.right().name(), locale);
        String key = guest.endsAt() == null ? "mail.guest-review.item" : "mail.guest-review.item-ends";
        return messages.getMessage(key, new Object[] {guest.name(), guest.email(), guest.workspaceName(), right,
                guest.endsAt() == null ? "" : DATE.format(guest.endsAt())}, locale);
    }

    private String link(String token, Decision decision, Locale locale) {
        String base = environment.getRequiredProperty("roster.public-url");
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + "/invitations/reviews/" + token + "/" + decision.name().toLowerCase(Locale.ROOT) + "?lang="
                + locale.getLanguage();
    }

    /** What a review link's page shows. */
    public record Opened(ReviewLink link, boolean usable, String guestName, String workspaceName, String companyName) {
    }

    /** The link of a token, for its confirmation page; empty when it is not one. Changes nothing. */
    public java.util.Optional<Opened> open(String token) {
        return records.byToken(token).map(link -> {
            CompanyId company = new CompanyId(link.companyId());
            return new Opened(link, link.usable(clock.instant()),
                    recipients.recipient(link.guestAccountId()).map(Recipient::displayName).orElse("?"),
                    guests.workspaceName(company, link.workspaceId()).orElse("?"),
                    tenancy.findCompany(company).map(c -> c.name()).orElse("?"));
        });
    }

    /**
     * Answers a review link, once: KEEP records the review, REMOVE removes the guest's right. A used,
     * expired or unknown link is refused (410); so is a reviewer who no longer answers for the guest
     * (409), and then the link stays unused.
     */
    @Transactional
    public ReviewLink decide(String token, Decision decision) {
        ReviewLink link = records.byToken(token).orElseThrow(() -> refused("unknown"));
        Instant now = clock.instant();
        if (link.usedAt() != null) {
            throw refused("used");
        }
        if (!link.usable(now)) {
            throw refused("expired");
        }
        if (!records.use(link.id(), decision, now)) {
            throw refused("used");
        }
        Guests.Reviewer reviewer = new Guests.Reviewer(new CompanyId(link.companyId()), link.reviewerAccountId());
        if (decision == Decision.KEEP) {
            guests.keep(reviewer, link.workspaceId(), link.guestAccountId());
        } else {
            guests.remove(reviewer, link.workspaceId(), link.guestAccountId());
        }
        return records.byToken(token).orElseThrow();
    }

    private static io.roster.shared.ProblemException refused(String why) {
        return new Problems.GoneOrUnknown("This review link cannot be used: " + why)
                .coded("REVIEW_LINK_" + why.toUpperCase(Locale.ROOT));
    }
}
