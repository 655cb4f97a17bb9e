package io.roster.users;

import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.shared.FieldError;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import io.roster.users.ImportPlan.Planned;
import io.roster.users.ImportResult.RowOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import into a company's Users table (docs/rules.md §15). Every row is kept with its own
 * validation result, as if the rows had gone through {@link UserLifecycle#create} one after the
 * other: but checked in memory ({@link ImportPlan}) and written in batches of {@value #BATCH} rows,
 * one transaction, one JDBC batch and one seat UPDATE each. Each row is written and announced as a
 * single creation is ({@link RowCreation}), then the caller's {@link BatchHook} grants the batch's
 * roles, then the activations are announced: all inside the batch's transaction, so what listens
 * (audit, the setup mail of an activated user) and the roles commit with the rows, or nothing of
 * the batch does. Callers authorize first.
 */
@Service
public class UserImport {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(UserImport.class);

    private final AccountRows accounts;
    private final RowCreation creation;
    private final LicensePool licenses;
    private final UserLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Recipients recipients;
    private final WaitlistRows queue;

    UserImport(AccountRows accounts, RowCreation creation, LicensePool licenses, UserLifecycle lifecycle,
            ApplicationEventPublisher events, TransactionTemplate tx, Recipients recipients, WaitlistRows queue) {
        this.recipients = recipients;
        this.queue = queue;
        this.accounts = accounts;
        this.creation = creation;
        this.licenses = licenses;
        this.lifecycle = lifecycle;
        this.events = events;
        this.tx = tx;
    }

    /**
     * What the caller does inside each batch's transaction once the batch's rows are saved (and
     * before their activations are announced): grant their roles. Throwing rolls the whole batch
     * back, its rows, seats, events and mails.
     */
    @FunctionalInterface
    public interface BatchHook {

        /** {@code accountIdsByLine}: the account saved for each line of the batch, in the order of the source. */
        void saved(Map<Integer, String> accountIdsByLine);
    }

    /** A planned row with the account it settled on. */
    private record Settled(ImportRow source, NewAccount account) {

        RowOutcome outcome(String accountId) {
            return new RowOutcome(source.line(), accountId, source.userId(), account.status(), account.validationResult());
        }
    }

    /**
     * Imports the rows, or with {@code dryRun} only tells what importing them would do. A cell
     * longer than its column refuses the whole import (400) before anything is written: cutting
     * it would lose what was typed.
     */
    public ImportResult run(CompanyId company, List<ImportRow> rows, boolean dryRun, BatchHook hook) {
        List<ImportRow> trimmed = rows.stream().map(ImportRow::trimmed).toList();
        requireWithinColumns(trimmed);
        List<Planned> plan = ImportPlan.of(trimmed, accounts::claimedUserIds, accounts::claimedEmails,
                accounts.existingIn(company, trimmed));
        List<Planned> fresh = plan.stream().filter(Planned::written).toList();
        List<RowOutcome> written = dryRun ? simulate(company, fresh) : write(company, fresh, hook);
        return new ImportResult(dryRun, inSourceOrder(plan, written));
    }

    /** The outcomes of the written rows, with the rows naming an existing account back in their place. */
    private static List<RowOutcome> inSourceOrder(List<Planned> plan, List<RowOutcome> written) {
        if (written.size() == plan.size()) {
            return written;
        }
        List<RowOutcome> all = new ArrayList<>(plan.size());
        var next = written.iterator();
        for (Planned planned : plan) {
            ExistingAccount existing = planned.existing();
            all.add(existing == null ? next.next()
                    : new RowOutcome(planned.row().line(), existing.accountId(), existing.userId(), existing.status(), null,
                            existing));
        }
        return all;
    }

    /** The seats free now go to the candidates in order, as the real import would hand them out. */
    private List<RowOutcome> simulate(CompanyId company, List<Planned> plan) {
        LicensePool.Usage usage = licenses.usage(company);
        int wanted = (int) plan.stream().filter(Planned::candidate).count();
        int taken = Math.max(0, Math.min(wanted, usage.purchased() - usage.used()));
        var seats = new LicensePool.Seats(taken, new LicensePool.Usage(usage.used() + taken, usage.purchased()));
        return settle(company, plan, seats, firstWaitingPosition(company)).stream().map(row -> row.outcome(null)).toList();
    }

    private List<RowOutcome> write(CompanyId company, List<Planned> plan, BatchHook hook) {
        List<RowOutcome> done = new ArrayList<>(plan.size());
        for (int from = 0; from < plan.size(); from += BATCH) {
            List<Planned> batch = plan.subList(from, Math.min(plan.size(), from + BATCH));
            try {
                done.addAll(writeBatch(company, batch, hook));
            } catch (RuntimeException failed) {
                if (done.isEmpty()) {
                    throw failed;
                }
                log.error("Import into {} stopped at line {}", company, batch.get(0).row().line(), failed);
                throw new ImportInterrupted(batch.get(0).row().line(), done.size(), failed);
            }
        }
        return done;
    }

    private List<RowOutcome> writeBatch(CompanyId company, List<Planned> batch, BatchHook hook) {
        try {
            return tx.execute(status -> {
                int wanted = (int) batch.stream().filter(Planned::candidate).count();
                LicensePool.Seats seats = licenses.takeUpTo(company, wanted);
                // the pool is locked now: the queue's end stays where it is read until the commit
                List<Settled> rows = settle(company, batch, seats, firstWaitingPosition(company));
                creation.saveAll(rows.stream().map(Settled::account).toList());
                rows.forEach(row -> joinQueue(company, row));
                Map<Integer, String> ids = new LinkedHashMap<>();
                rows.forEach(row -> ids.put(row.source().line(), row.account().id()));
                hook.saved(ids);
                // the activations tell each new person (the setup mail, notifications): their
                // accounts, as just written, read in a few statements rather than one each
                recipients.readAhead(ids.values());
                rows.forEach(this::publishSettled);
                return rows.stream().map(row -> row.outcome(row.account().id())).toList();
            });
        } catch (DuplicateKeyException raced) {
            // Another account claimed one of these userIds or emails after the plan read them (the
            // batch rolled back, seats included): this batch goes row by row as single creations
            // do, whose activation settles such a race for each row.
            return batch.stream().map(planned -> oneByOne(company, planned, hook)).toList();
        }
    }

    /** One row as {@link UserLifecycle#create} makes it: a DRAFT, its roles, then the activation, in one transaction. */
    private RowOutcome oneByOne(CompanyId company, Planned planned, BatchHook hook) {
        Settled draft = new Settled(planned.row(), account(company, planned, UserStatus.DRAFT, planned.problems()));
        return tx.execute(status -> {
            creation.save(draft.account());
            hook.saved(Map.of(planned.row().line(), draft.account().id()));
            if (!planned.candidate()) {
                publishSettled(draft);
                return draft.outcome(draft.account().id());
            }
            UserRow row = lifecycle.activate(company, draft.account().id()).row();
            return new RowOutcome(planned.row().line(), row.id(), row.userId(), row.status(), row.validationResult());
        });
    }

    /** Candidates take the seats in the order of the source; the others, and those left without one, stay DRAFT. */
    private static List<Settled> settle(CompanyId company, List<Planned> batch, LicensePool.Seats seats, int waitingFrom) {
        List<Settled> rows = new ArrayList<>(batch.size());
        int seated = 0;
        int waiting = waitingFrom;
        for (Planned planned : batch) {
            if (!planned.candidate()) {
                rows.add(new Settled(planned.row(), account(company, planned, UserStatus.DRAFT, planned.problems())));
            } else if (seated++ < seats.taken()) {
                rows.add(new Settled(planned.row(), account(company, planned, UserStatus.ACTIVE, ValidationResult.OK)));
            } else if (waitingFrom > 0) {
                rows.add(new Settled(planned.row(), account(company, planned, UserStatus.DRAFT,
                        ValidationResult.of(ValidationProblem.waiting(waiting++)))));
            } else {
                rows.add(new Settled(planned.row(),
                        account(company, planned, UserStatus.DRAFT,
                                ValidationResult.of(ValidationProblem.noLicense(seats.refusal().used(), seats.refusal().purchased())))));
            }
        }
        return rows;
    }

    /** Where the rows left without a seat join the company's seat waitlist; 0 when it is off. */
    private int firstWaitingPosition(CompanyId company) {
        return queue.enabled(company) ? queue.size(company) + 1 : 0;
    }

    /** A row settled as waiting joins the queue at the position its validation result tells. */
    private void joinQueue(CompanyId company, Settled row) {
        ValidationResult result = row.account().validationResult();
        if (result != null && result.code() == ValidationCode.WAITING_FOR_LICENSE) {
            int position = Integer.parseInt(result.problems().getFirst().params().get("position"));
            queue.add(company, row.account().id(), row.source().userId(), true, position, java.time.Instant.now());
            events.publishEvent(new WaitlistEvents.Joined(company, row.account().id(), row.source().userId(), position));
        }
    }

    private static NewAccount account(CompanyId company, Planned planned, UserStatus status, ValidationResult validationResult) {
        return NewAccount.inCompany(Ids.newId(), company, planned.row().asNewUser(), status, validationResult, null);
    }

    /** What an activation attempt of the row publishes, as {@link UserLifecycle#activate} would. */
    private void publishSettled(Settled row) {
        if (row.account().status() == UserStatus.ACTIVE) {
            events.publishEvent(row.account().activated());
        } else if (row.source().wantsActive()) {
            events.publishEvent(row.account().activationRefused());
        }
    }

    private static void requireWithinColumns(List<ImportRow> rows) {
        List<FieldError> errors = rows.stream().flatMap(row -> Limits.overlong(row).stream()).toList();
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new Problems.InvalidInput(errors.size() + " cell(s) are longer than Roster keeps, first at " + first.field()
                    + " (" + first.message() + "); nothing was imported", errors.subList(0, Math.min(100, errors.size())))
                    .coded("CSV_CELLS_TOO_LONG", errors.size(), first.field());
        }
    }
}
