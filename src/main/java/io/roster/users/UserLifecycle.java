package io.roster.users;

import io.roster.licensing.LicensePool;
import io.roster.licensing.SeatRefusal;
import io.roster.shared.CompanyId;
import io.roster.shared.EmailAddress;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Users-table lifecycle of docs/rules.md §3: rows are always saved, activation validates and takes a
 * license, deactivation frees it, deletion only from DRAFT or INACTIVE. Callers authorize first.
 */
@Service
public class UserLifecycle {

    private final UserRows rows;
    private final RowCreation creation;
    private final LicensePool licenses;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ExternalIds externalIds;
    private final WaitlistRows queue;
    private final Waitlist waitlist;
    private final java.time.Clock clock;
    /** The activation inside a larger transaction: a savepoint, so a refusal or a failure undoes only it. */
    private final TransactionTemplate savepoint;

    UserLifecycle(UserRows rows, RowCreation creation, LicensePool licenses, Passwords passwords,
            ApplicationEventPublisher events, TransactionTemplate tx, ExternalIds externalIds, WaitlistRows queue,
            Waitlist waitlist, java.time.Clock clock) {
        this.externalIds = externalIds;
        this.queue = queue;
        this.waitlist = waitlist;
        this.clock = clock;
        this.rows = rows;
        this.creation = creation;
        this.licenses = licenses;
        this.passwords = passwords;
        this.events = events;
        this.tx = tx;
        this.savepoint = new TransactionTemplate(tx.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Seats ran out between the early check and the taking: unwinds the activation's savepoint. */
    private static final class NoSeatLeft extends RuntimeException {

        private final SeatRefusal refusal;

        NoSeatLeft(SeatRefusal refusal) {
            super(ValidationCode.NO_LICENSE.name(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** What one transaction of {@link #create} ended with: an outcome, or the failure of the activation. */
    private record Attempt(ActivationOutcome outcome, RuntimeException failure) {
    }

    /** {@link #create(CompanyId, NewUser, Consumer)} with nothing else to do while the row is a draft. */
    public ActivationOutcome create(CompanyId company, NewUser user) {
        return create(company, user, id -> { });
    }

    /**
     * Saves the row as a DRAFT — nothing typed is lost — runs {@code withDraft} (the caller grants
     * roles there), then, when asked, tries to activate it; all in one transaction, the activation
     * behind a savepoint so that a refusal or a failure of it still leaves the draft saved. A
     * refused password is not stored; the row says why and stays DRAFT.
     */
    public ActivationOutcome create(CompanyId company, NewUser user, Consumer<String> withDraft) {
        return create(company, user, withDraft, true);
    }

    /**
     * {@link #create(CompanyId, NewUser, Consumer)}, saying whether a first activation mails the
     * account-setup invitation: a company may turn it off for the people its directory provisions
     * (they sign in through the directory's single sign-on). The activation is audited with it.
     */
    public ActivationOutcome create(CompanyId company, NewUser user, Consumer<String> withDraft, boolean invite) {
        Limits.check(user.userId(), user.firstName(), user.lastName(), user.email()).throwIfAny();
        NewUser trimmed = new NewUser(trim(user.userId()), trim(user.firstName()), trim(user.lastName()),
                trim(user.email()), user.status(), user.emailVerified(), user.password(), user.locale(),
                user.notifyInApp(), user.notifyEmail());
        Optional<ValidationProblem> passwordProblem = user.password() == null ? Optional.empty()
                : PasswordPolicy.problemOf(user.password());
        String hash = user.password() != null && passwordProblem.isEmpty() ? passwords.hash(user.password()) : null;
        String id = Ids.newId();
        Attempt attempt = tx.execute(status -> {
            creation.save(NewAccount.inCompany(id, company, trimmed, UserStatus.DRAFT,
                    passwordProblem.map(ValidationResult::of).orElse(null), hash));
            withDraft.accept(id);
            if (user.status() == UserStatus.ACTIVE && passwordProblem.isPresent()) {
                // no activation without the password asked for; but the result names every other problem too
                List<ValidationProblem> problems = new ArrayList<>(List.of(passwordProblem.get()));
                problems.addAll(problemsOf(company, rows.lock(company, id).orElseThrow(), true));
                return new Attempt(refuse(company, rows.lock(company, id).orElseThrow(), problems), null);
            }
            if (user.status() != UserStatus.ACTIVE) {
                return new Attempt(new ActivationOutcome(rows.find(company, id).orElseThrow(), false), null);
            }
            try {
                return new Attempt(activateInTransaction(company, id, invite), null);
            } catch (RuntimeException failed) {
                return new Attempt(null, failed);   // the savepoint undid the activation; the draft commits
            }
        });
        if (attempt.failure() != null) {
            throw attempt.failure();
        }
        return attempt.outcome();
    }

    /**
     * DRAFT or INACTIVE → ACTIVE. On refusal the row keeps its status and its validation result
     * says what to fix; on success it reads {@code OK}.
     */
    public ActivationOutcome activate(CompanyId company, String id) {
        return activate(company, id, true);
    }

    /** {@link #activate(CompanyId, String)}, saying whether a first activation mails the invitation. */
    public ActivationOutcome activate(CompanyId company, String id, boolean invite) {
        return tx.execute(status -> activateInTransaction(company, id, invite));
    }

    private ActivationOutcome activateInTransaction(CompanyId company, String id, boolean invite) {
        return activateInTransaction(company, id, invite, lockForWaitlist(company), false);
    }

    /**
     * {@code waitlisting}: the company's seat waitlist is on and the caller holds the pool's lock,
     * so a row refused for want of a seat waits for one. {@code fromWaitlist}: the row's turn came.
     */
    private ActivationOutcome activateInTransaction(CompanyId company, String id, boolean invite, boolean waitlisting,
            boolean fromWaitlist) {
        // Rows filed before the savepoint (the draft's audit entry, its roles' grants) are written
        // now, outside it: the flush inside the activation writes what is pending, and a refused
        // seat would otherwise roll them back with the activation while the row itself commits.
        TransactionSynchronizationUtils.triggerFlush();
        try {
            return savepoint.execute(status -> activateLocked(company, id, invite, waitlisting, fromWaitlist));
        } catch (NoSeatLeft full) {
            return refuse(company, rows.lock(company, id).orElseThrow(), List.of(noLicense(full.refusal)));
        } catch (DuplicateKeyException raced) {
            // Another account claimed the same userId or email between our check and our write.
            return refuse(company, rows.lock(company, id).orElseThrow(), List.of(claimProblem(company, id)));
        }
    }

    private ActivationOutcome activateLocked(CompanyId company, String id, boolean invite, boolean waitlisting,
            boolean fromWaitlist) {
        UserRow row = lockOwned(company, id);
        if (row.status() == UserStatus.ACTIVE) {
            return new ActivationOutcome(row, true);
        }
        boolean firstTime = row.status() == UserStatus.DRAFT;
        boolean mayWait = waitlisting && firstTime && !fromWaitlist;
        List<ValidationProblem> problems = problemsOf(company, row, firstTime, true);
        if (!problems.isEmpty()) {
            return refuse(company, row, problems);
        }
        if (mayWait && WaitlistPolicy.mustWait(licenses.usage(company), queue.size(company), queue.ofAccount(company, id))) {
            return waitInLine(company, row, invite);
        }
        if (firstTime) {
            rows.activateFirstTime(company, row);
        } else {
            rows.setStatus(company, id, UserStatus.ACTIVE, ValidationResult.OK);
        }
        boolean invitationNeeded = invite && ActivationPolicy.invitationNeeded(row.hasPassword(), row.emailVerified());
        events.publishEvent(new UserEvents.UserActivated(company, id, row.userId(), firstTime, invitationNeeded));
        UserRow activated = rows.find(company, id).orElseThrow();
        // The seat is taken last: its UPDATE locks the company row until the commit, and every
        // activation in the company waits on that lock, so it must cover as little work as possible.
        // The rows filed for the commit (audit, mails, notifications) are written before it, not
        // under it: with them after the lock, every creation in the company also waited for their writes.
        TransactionSynchronizationUtils.triggerFlush();
        Optional<SeatRefusal> noSeat = licenses.take(company);
        if (noSeat.isPresent()) {
            throw new NoSeatLeft(noSeat.get());
        }
        return new ActivationOutcome(activated, true);
    }

    /**
     * Every problem that keeps the row from being activated, all at once (docs/rules.md §2): its
     * fields (a first activation), then, when they pass, whether its userId or email is taken, and
     * whatever the fields say, whether a license is free, so one attempt tells everything to fix.
     */
    private List<ValidationProblem> problemsOf(CompanyId company, UserRow row, boolean firstTime) {
        return problemsOf(company, row, firstTime, false);
    }

    /**
     * {@code seatTakenLater}: the caller goes on to take the seat when the row has no problem, so
     * the free seat needs no separate read then.
     */
    private List<ValidationProblem> problemsOf(CompanyId company, UserRow row, boolean firstTime, boolean seatTakenLater) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (firstTime) {
            problems.addAll(ActivationPolicy.problemsOf(row));
            if (problems.isEmpty()) {
                UserRows.Claims claims = rows.claims(row.userId(), row.email(), row.id());
                if (claims.userId()) {
                    problems.add(ActivationPolicy.USER_ID_TAKEN);
                } else if (claims.email()) {
                    problems.add(ActivationPolicy.EMAIL_TAKEN);
                }
            }
        }
        // With nothing else to fix, the seat's own UPDATE says whether one is free (a full company
        // is refused there, the activation undone by its savepoint): one statement less per activation.
        if (!problems.isEmpty() || !seatTakenLater) {
            licenses.refusalIfFull(company).ifPresent(full -> problems.add(noLicense(full)));
        }
        return problems;
    }

    private static ValidationProblem noLicense(SeatRefusal refusal) {
        return ValidationProblem.noLicense(refusal.used(), refusal.purchased());
    }

    private ActivationOutcome refuse(CompanyId company, UserRow row, List<ValidationProblem> problems) {
        ValidationResult result = ActivationPolicy.describe(problems);
        // a waiting row that can no longer be activated leaves the queue (its caller holds the pool's lock)
        queue.ofAccount(company, row.id()).ifPresent(entry -> waitlist.leave(company, entry, result));
        rows.recordValidation(company, row.id(), result);
        events.publishEvent(new UserEvents.UserActivationRefused(company, row.id(), result, row.userId(), row.status()));
        return new ActivationOutcome(rows.find(company, row.id()).orElseThrow(), false);
    }

    /**
     * The row waits for a seat: at the end of the queue, or where it already is. It stays DRAFT and
     * its validation result tells its position.
     */
    private ActivationOutcome waitInLine(CompanyId company, UserRow row, boolean invite) {
        Optional<WaitlistEntry> already = queue.ofAccount(company, row.id());
        WaitlistEntry entry = already.orElseGet(() -> queue.append(company, row.id(), row.userId(), invite, clock.instant()));
        ValidationResult result = ValidationResult.of(ValidationProblem.waiting(entry.position()));
        rows.recordValidation(company, row.id(), result);
        if (already.isEmpty()) {
            events.publishEvent(new UserEvents.UserActivationRefused(company, row.id(), result, row.userId(), row.status()));
            events.publishEvent(new WaitlistEvents.Joined(company, row.id(), row.userId(), entry.position()));
        }
        return new ActivationOutcome(rows.find(company, row.id()).orElseThrow(), false);
    }

    /**
     * Gives the company's free seats to its waiting rows, head first, inside the caller's transaction
     * (the one that freed the seats), each activated as any activation is — audited, mailed,
     * announced. A row that can no longer be activated leaves the queue and the next one is tried.
     */
    void fillFreedSeats(CompanyId company) {
        if (!lockForWaitlist(company)) {
            return;
        }
        boolean changed = false;
        while (WaitlistPolicy.seatFree(licenses.usage(company))) {
            Optional<WaitlistEntry> head = queue.head(company);
            if (head.isEmpty()) {
                break;
            }
            WaitlistEntry entry = head.get();
            queue.remove(company, entry);
            changed = true;
            ActivationOutcome outcome = activateInTransaction(company, entry.accountId(), entry.invite(), true, true);
            if (outcome.activated()) {
                events.publishEvent(new WaitlistEvents.ActivatedFromWaitlist(company, entry.accountId(), entry.userId(),
                        entry.position()));
            } else {
                events.publishEvent(new WaitlistEvents.Left(company, entry.accountId(), entry.userId(), entry.position(),
                        outcome.row().validationResult().code().name()));
            }
        }
        if (changed) {
            queue.renumberResults(company, 1);
        }
    }

    /**
     * When the company's seat waitlist is on, locks its license pool first: every change of the
     * queue happens under that lock, and taking it before any row's keeps one order of locks
     * (pool, then rows) for all of them, so two never wait on each other.
     */
    private boolean lockForWaitlist(CompanyId company) {
        if (!queue.enabled(company)) {
            return false;
        }
        licenses.lock(company);
        return queue.enabled(company);
    }

    /** {@link #lockForWaitlist} for a change of one row, needed only while that row waits. */
    private void lockIfWaiting(CompanyId company, String id) {
        if (queue.ofAccount(company, id).isPresent()) {
            licenses.lock(company);
        }
    }

    private ValidationProblem claimProblem(CompanyId company, String id) {
        UserRow row = rows.find(company, id).orElseThrow(() -> notFound(id));
        return rows.userIdClaimed(row.userId()) ? ActivationPolicy.USER_ID_TAKEN : ActivationPolicy.EMAIL_TAKEN;
    }

    /** ACTIVE → INACTIVE: the account is blocked and its license freed. Idempotent on INACTIVE. */
    public UserRow deactivate(CompanyId company, String id) {
        return tx.execute(status -> {
            lockForWaitlist(company);
            UserRow row = lockOwned(company, id);
            LifecyclePolicy.requireDeactivatable(row);
            if (row.status() == UserStatus.ACTIVE) {
                rows.setStatus(company, id, UserStatus.INACTIVE, row.validationResult());
                licenses.release(company);
                events.publishEvent(new UserEvents.UserDeactivated(company, id, row.userId()));
                fillFreedSeats(company);
            }
            return rows.find(company, id).orElseThrow();
        });
    }

    /** Deletes a DRAFT or INACTIVE row with its account; an ACTIVE one is refused (409). */
    public void delete(CompanyId company, String id, Long expectedVersion) {
        tx.executeWithoutResult(status -> {
            lockIfWaiting(company, id);
            UserRow row = lockOwned(company, id);
            requireVersion(row, expectedVersion);
            LifecyclePolicy.requireDeletable(row);
            queue.ofAccount(company, id).ifPresent(entry -> waitlist.forgetDeleted(company, entry));
            rows.delete(company, id);
            events.publishEvent(new UserEvents.UserDeleted(company, id, row.userId(), row.firstName(), row.lastName(),
                    row.email(), row.status()));
        });
    }

    /**
     * Changes names and email (and the userId of a DRAFT). Once the account exists its names must
     * stay present and its email valid and unique, since it is the person's profile.
     */
    public UserRow edit(CompanyId company, String id, UserEdit edit, Long expectedVersion) {
        Limits.check(edit.userId(), edit.firstName(), edit.lastName(), edit.email()).throwIfAny();
        return tx.execute(status -> {
            lockIfWaiting(company, id);
            UserRow row = lockOwned(company, id);
            requireVersion(row, expectedVersion);
            UserRow after = EditPolicy.apply(row, edit);
            leaveIfNoLongerValid(company, after);
            boolean emailChanged = !Objects.equals(EmailAddress.keyOf(row.email()), EmailAddress.keyOf(after.email()));
            if (!row.accountExists() || !emailChanged) {
                rows.updateFields(company, after);
                events.publishEvent(new UserEvents.UserEdited(company, id, EditPolicy.editableOf(row), EditPolicy.editableOf(after)));
                return rows.find(company, id).orElseThrow();
            }
            // An existing account keeps its confirmed address until the new one confirms (docs/rules.md §3):
            // whoever typed an address they own cannot have the person's password reset link sent there.
            if (rows.emailClaimed(after.email(), id)) {
                throw new Problems.Conflict("email-taken", "Email already in use by another account");
            }
            UserRow namesOnly = after.withEmail(row.email());
            rows.updateFields(company, namesOnly);
            rows.requestEmail(company, id, after.email());
            events.publishEvent(new UserEvents.UserEdited(company, id, EditPolicy.editableOf(row), EditPolicy.editableOf(namesOnly)));
            events.publishEvent(new UserEvents.EmailChangeRequested(company, id, row.email(), after.email()));
            return rows.find(company, id).orElseThrow();
        });
    }

    /**
     * A directory's edit (SCIM PUT/PATCH): the fields as {@link #edit(CompanyId, String, UserEdit, Long)}
     * and the externalId (audited as {@code user.external_id_changed} when it changes) in one
     * transaction, so a refused edit or a refused externalId leaves both as they were.
     */
    public UserRow edit(CompanyId company, String id, UserEdit edit, Long expectedVersion, String externalId) {
        ExternalIds.check(externalId);
        return tx.execute(status -> {
            UserRow row = edit(company, id, edit, expectedVersion);
            externalIds.keep(company, id, externalId);
            return row;
        });
    }

    /** The address an email change of an internal row waits to be confirmed by, if any. */
    public Optional<String> pendingEmail(CompanyId company, String id) {
        return rows.pendingEmail(company, id);
    }

    /**
     * Which of a userId and an email another account has already claimed, if any ({@code "userId"}
     * or {@code "email"}): for a provisioning client that must be told "taken" before it creates a
     * row it would then keep re-creating.
     */
    public Optional<String> claimed(String userId, String email) {
        if (userId != null && !userId.isBlank() && rows.userIdClaimed(userId.trim().toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("userId");
        }
        if (email != null && !email.isBlank() && rows.emailClaimed(email.trim(), "")) {
            return Optional.of("email");
        }
        return Optional.empty();
    }

    /** An edit that leaves a waiting row unfit for activation takes it off the queue, saying what to fix. */
    private void leaveIfNoLongerValid(CompanyId company, UserRow after) {
        Optional<WaitlistEntry> entry = queue.ofAccount(company, after.id());
        if (entry.isPresent()) {
            List<ValidationProblem> problems = ActivationPolicy.problemsOf(after);
            if (!problems.isEmpty()) {
                waitlist.leave(company, entry.get(), ActivationPolicy.describe(problems));
            }
        }
    }

    /** A row of the company's Users table, internal or external. */
    public UserRow row(CompanyId company, String id) {
        return rows.findInTable(company, id).orElseThrow(() -> notFound(id));
    }

    /** Locks an internal row; an external one is refused with the reason (docs/rules.md §5). */
    private UserRow lockOwned(CompanyId company, String id) {
        return rows.lock(company, id).orElseThrow(() -> rows.findInTable(company, id).isPresent()
                ? new Problems.Forbidden("forbidden", "This is an external user: your company does not own the account,"
                        + " so it cannot edit, deactivate or delete it; you can change or remove their roles and rights",
                        java.util.Map.of("reason", "external-user")).coded("EXTERNAL_USER")
                : notFound(id));
    }

    private static void requireVersion(UserRow row, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != row.version()) {
            throw new Problems.PreconditionFailed("The user was changed since you read it (ETag " + row.etag()
                    + "): read it again and reapply your change");
        }
    }

    private static Problems.NotFound notFound(String id) {
        return new Problems.NotFound("No user " + id + " in this company").coded("NO_USER", id);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
