package io.roster.users;

import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A company's seat waitlist (docs/rules.md, "Seat waitlist"): whether it is on, who waits in which
 * order, and an administrator's changes to that order. Every change of the order is made under the
 * lock of the company's license pool, the lock that seats are taken and freed under, so the queue
 * and the seats always move together. The activations themselves are {@link UserLifecycle}'s.
 * Callers authorize first.
 */
@Service
public class Waitlist {

    private static final String SORT = "position";

    private final WaitlistRows queue;
    private final UserRows rows;
    private final LicensePool licenses;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Waitlist(WaitlistRows queue, UserRows rows, LicensePool licenses, ApplicationEventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.queue = queue;
        this.rows = rows;
        this.licenses = licenses;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether activations refused for want of a seat wait for one (off unless the company turned it on). */
    public boolean enabled(CompanyId company) {
        return queue.enabled(company);
    }

    /**
     * Turns the waitlist on or off. Turning it off empties the queue: each waiting row stays DRAFT
     * and its validation result says the waitlist was turned off, with the seats in use.
     */
    public boolean setEnabled(CompanyId company, boolean enabled) {
        return tx.execute(status -> {
            LicensePool.Usage usage = licenses.lock(company);
            boolean before = queue.enabled(company);
            if (before == enabled) {
                return enabled;
            }
            queue.setEnabled(company, enabled, clock.instant());
            if (!enabled) {
                ValidationResult closed = ValidationResult.of(new ValidationProblem(ValidationCode.WAITLIST_CLOSED,
                        java.util.Map.of("used", String.valueOf(usage.used()), "purchased", String.valueOf(usage.purchased()))));
                for (WaitlistEntry entry : queue.all(company)) {
                    leave(company, entry, closed);
                }
            }
            events.publishEvent(new WaitlistEvents.SettingChanged(company, before, enabled));
            return enabled;
        });
    }

    /** The queue in order, a page at a time. */
    public Page<WaitlistEntry> page(CompanyId company, PageRequest page) {
        int after = page.cursor() == null ? 0 : position(page.cursor().requireSort(SORT).key());
        List<WaitlistEntry> found = queue.page(company, after, page.limit() + 1);
        return Page.fromLookahead(found, page.limit(), last -> new Cursor(SORT, String.valueOf(last.position()), last.id()));
    }

    /** Takes a row off the queue: it stays DRAFT and its validation result says an administrator removed it. */
    public void remove(CompanyId company, String id) {
        tx.executeWithoutResult(status -> {
            licenses.lock(company);
            WaitlistEntry entry = queue.find(company, id).orElseThrow(() -> notFound(id));
            leave(company, entry, ValidationResult.of(ValidationProblem.of(ValidationCode.WAITLIST_REMOVED)));
        });
    }

    /** Moves a row to {@code position} (1 = next to get a seat; beyond the end means last). */
    public WaitlistEntry move(CompanyId company, String id, Integer position) {
        if (position == null || position < 1) {
            throw Problems.InvalidInput.of("position", "must be a number from 1 (next to get a seat)");
        }
        return tx.execute(status -> {
            licenses.lock(company);
            WaitlistEntry entry = queue.find(company, id).orElseThrow(() -> notFound(id));
            int to = Math.min(position, queue.size(company));
            if (to != entry.position()) {
                queue.move(company, entry, to);
                queue.renumberResults(company, Math.min(to, entry.position()));
                events.publishEvent(new WaitlistEvents.Moved(company, entry.accountId(), entry.userId(), entry.position(), to));
            }
            return queue.find(company, id).orElseThrow();
        });
    }

    /** The entry of a Users-table row, if it waits. */
    public Optional<WaitlistEntry> entryOf(CompanyId company, String accountId) {
        return queue.ofAccount(company, accountId);
    }

    /**
     * Takes the entry off the queue with the row's new validation result, inside the caller's
     * transaction, which holds the pool's lock.
     */
    void leave(CompanyId company, WaitlistEntry entry, ValidationResult result) {
        queue.remove(company, entry);
        queue.renumberResults(company, entry.position());
        rows.recordValidation(company, entry.accountId(), result);
        events.publishEvent(new WaitlistEvents.Left(company, entry.accountId(), entry.userId(), entry.position(),
                result.code().name()));
    }

    /** Takes the entry of a row being deleted off the queue, inside the caller's transaction. */
    void forgetDeleted(CompanyId company, WaitlistEntry entry) {
        queue.remove(company, entry);
        queue.renumberResults(company, entry.position());
        events.publishEvent(new WaitlistEvents.Left(company, entry.accountId(), entry.userId(), entry.position(),
                "USER_DELETED"));
    }

    private static int position(String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw Problems.InvalidInput.of("cursor", "is not a cursor returned by this list; start again without it");
        }
    }

    private static Problems.NotFound notFound(String id) {
        return new Problems.NotFound("No waitlist entry " + id + " in this company").coded("NO_WAITLIST_ENTRY", id);
    }
}
