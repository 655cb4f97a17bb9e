package io.roster.users;

import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.shared.FieldError;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import io.roster.users.ImportPlan.Planned;
import io.roster.users.ImportResult.RowOutcome;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import into a company's Users table (docs/rules.md §15). Every row is kept with its own validation
 * result, as if the rows had gone through {@link UserLifecycle#create} one after the other: but
 * checked in memory ({@link ImportPlan}) and written in batches of {@value #BATCH} rows, one
 * transaction, one JDBC batch and one seat UPDATE each. The lifecycle events still go out per row
 * inside the batch's transaction, so what listens (the setup mail of an activated user) commits
 * with it. Callers authorize first.
 */
@Service
public class UserImport {

    static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(UserImport.class);

    private final BulkRows bulk;
    private final LicensePool licenses;
    private final UserLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    UserImport(BulkRows bulk, LicensePool licenses, UserLifecycle lifecycle, ApplicationEventPublisher events,
            TransactionTemplate tx) {
        this.bulk = bulk;
        this.licenses = licenses;
        this.lifecycle = lifecycle;
        this.events = events;
        this.tx = tx;
    }

    /**
     * Imports the rows, or with {@code dryRun} only tells what importing them would do. A cell
     * longer than its column refuses the whole import (400) before anything is written: cutting
     * it would lose what was typed.
     */
    public ImportResult run(CompanyId company, List<ImportRow> rows, boolean dryRun) {
        List<ImportRow> trimmed = rows.stream().map(ImportRow::trimmed).toList();
        requireWithinColumns(trimmed);
        List<Planned> plan = ImportPlan.of(trimmed, bulk::claimedUserIds, bulk::claimedEmails);
        return new ImportResult(dryRun, dryRun ? simulate(company, plan) : write(company, plan));
    }

    /** The seats free now go to the candidates in order, as the real import would hand them out. */
    private List<RowOutcome> simulate(CompanyId company, List<Planned> plan) {
        LicensePool.Usage usage = licenses.usage(company);
        int wanted = (int) plan.stream().filter(Planned::candidate).count();
        int taken = Math.max(0, Math.min(wanted, usage.purchased() - usage.used()));
        var seats = new LicensePool.Seats(taken, new LicensePool.Usage(usage.used() + taken, usage.purchased()));
        return settle(plan, seats).stream().map(row -> outcome(row, null)).toList();
    }

    private List<RowOutcome> write(CompanyId company, List<Planned> plan) {
        List<RowOutcome> done = new ArrayList<>(plan.size());
        for (int from = 0; from < plan.size(); from += BATCH) {
            List<Planned> batch = plan.subList(from, Math.min(plan.size(), from + BATCH));
            try {
                done.addAll(writeBatch(company, batch));
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

    private List<RowOutcome> writeBatch(CompanyId company, List<Planned> batch) {
        try {
            return tx.execute(status -> {
                int wanted = (int) batch.stream().filter(Planned::candidate).count();
                List<BulkRows.Row> rows = settle(batch, licenses.takeUpTo(company, wanted));
                bulk.insert(company, rows);
                for (BulkRows.Row row : rows) {
                    publishCreated(company, row);
                    publishSettled(company, row);
                }
                return rows.stream().map(row -> outcome(row, row.id())).toList();
            });
        } catch (DuplicateKeyException raced) {
            // Another account claimed one of these userIds or emails after the plan read them (the
            // batch rolled back, seats included): this batch goes row by row through the lifecycle,
            // whose activation settles such a race for each row.
            return batch.stream().map(planned -> oneByOne(company, planned)).toList();
        }
    }

    private RowOutcome oneByOne(CompanyId company, Planned planned) {
        BulkRows.Row draft = new BulkRows.Row(Ids.newId(), planned.row(), UserStatus.DRAFT, planned.problems());
        tx.executeWithoutResult(status -> {
            bulk.insert(company, List.of(draft));
            publishCreated(company, draft);
            if (!planned.candidate()) {
                publishSettled(company, draft);
            }
        });
        if (!planned.candidate()) {
            return outcome(draft, draft.id());
        }
        UserRow row = lifecycle.activate(company, draft.id()).row();
        return new RowOutcome(planned.row().line(), row.id(), row.userId(), row.status(), row.validationResult());
    }

    /** Candidates take the seats in the order of the source; the others, and those left without one, stay DRAFT. */
    private static List<BulkRows.Row> settle(List<Planned> batch, LicensePool.Seats seats) {
        List<BulkRows.Row> rows = new ArrayList<>(batch.size());
        int seated = 0;
        for (Planned planned : batch) {
            String id = Ids.newId();
            if (!planned.candidate()) {
                rows.add(new BulkRows.Row(id, planned.row(), UserStatus.DRAFT, planned.problems()));
            } else if (seated++ < seats.taken()) {
                rows.add(new BulkRows.Row(id, planned.row(), UserStatus.ACTIVE, ActivationPolicy.OK));
            } else {
                rows.add(new BulkRows.Row(id, planned.row(), UserStatus.DRAFT, seats.refusal().message()));
            }
        }
        return rows;
    }

    private void publishCreated(CompanyId company, BulkRows.Row row) {
        ImportRow source = row.source();
        // imported rows start with the defaults: English, email not verified, no password
        events.publishEvent(new UserEvents.UserCreated(company, row.id(), source.userId(), source.firstName(),
                source.lastName(), source.email(), false, "en", false));
    }

    /** What an activation attempt publishes; imported rows have no password, so activation mails a setup link. */
    private void publishSettled(CompanyId company, BulkRows.Row row) {
        if (row.status() == UserStatus.ACTIVE) {
            events.publishEvent(new UserEvents.UserActivated(company, row.id(), row.source().userId(), true, true));
        } else if (row.source().wantsActive()) {
            events.publishEvent(new UserEvents.UserActivationRefused(company, row.id(), row.validationResult(),
                    row.source().userId(), UserStatus.DRAFT));
        }
    }

    private static RowOutcome outcome(BulkRows.Row row, String accountId) {
        return new RowOutcome(row.source().line(), accountId, row.source().userId(), row.status(), row.validationResult());
    }

    private static void requireWithinColumns(List<ImportRow> rows) {
        List<FieldError> errors = rows.stream().flatMap(row -> Limits.overlong(row).stream()).toList();
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new Problems.InvalidInput(errors.size() + " cell(s) are longer than Roster keeps, first at " + first.field()
                    + " (" + first.message() + "); nothing was imported", errors.subList(0, Math.min(100, errors.size())));
        }
    }
}
