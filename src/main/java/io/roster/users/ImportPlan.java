package io.roster.users;

import io.roster.shared.EmailAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The in-memory half of a bulk import: every row is checked by the rules an activation applies
 * ({@link ActivationPolicy}, then uniqueness) before anything is written. A row that will try to
 * activate claims its userId and email for the rows after it, so a duplicate inside the source
 * reads "already taken" just as if the rows had been created one after the other. Whether a
 * candidate gets a seat is decided later, batch by batch, under the company row's lock.
 */
final class ImportPlan {

    /**
     * A row after the checks: a {@code candidate} for activation, or a DRAFT with the
     * {@code problems} that keep it one (null for a row that only asked to be a DRAFT), or a row
     * that names an account the company has already ({@code existing}), which is left as it is.
     */
    record Planned(ImportRow row, boolean candidate, ValidationResult problems, ExistingAccount existing) {

        Planned(ImportRow row, boolean candidate, ValidationResult problems) {
            this(row, candidate, problems, null);
        }

        boolean written() {
            return existing == null;
        }
    }

    /** Which of these keys some account has already claimed (asked of the database in bulk). */
    interface Claims {
        Set<String> claimedAmong(Collection<String> keys);
    }

    /** The company's own accounts that rows of the source name, by userId or else by email. */
    interface Existing {
        java.util.Optional<ExistingAccount> of(ImportRow row);
    }

    private ImportPlan() {
    }

    /** Plans trimmed rows, in the order of the source; none names an account the company has. */
    static List<Planned> of(List<ImportRow> rows, Claims userIds, Claims emails) {
        return of(rows, userIds, emails, row -> java.util.Optional.empty());
    }

    /**
     * Plans trimmed rows, in the order of the source. A row naming an account the company already
     * has (the same file imported again) is not written again: it is reported as existing, so a
     * re-import creates no duplicates, drafts included (a draft claims nothing the checks would see).
     */
    static List<Planned> of(List<ImportRow> allRows, Claims userIds, Claims emails, Existing existing) {
        List<Planned> settledFirst = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        for (ImportRow row : allRows) {
            var found = existing.of(row);
            if (found.isPresent()) {
                settledFirst.add(new Planned(row, false, null, found.get()));
            } else {
                rows.add(row);
            }
        }
        List<Planned> fresh = planFresh(rows, userIds, emails);
        if (settledFirst.isEmpty()) {
            return fresh;
        }
        java.util.Map<ImportRow, Integer> position = new java.util.IdentityHashMap<>();
        for (int i = 0; i < allRows.size(); i++) {
            position.put(allRows.get(i), i);
        }
        List<Planned> all = new ArrayList<>(settledFirst);
        all.addAll(fresh);
        all.sort(java.util.Comparator.comparingInt(planned -> position.get(planned.row())));
        return all;
    }

    private static List<Planned> planFresh(List<ImportRow> rows, Claims userIds, Claims emails) {
        List<List<ValidationProblem>> problems = rows.stream().map(ImportPlan::fieldProblems).toList();
        List<ImportRow> checkable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).wantsActive() && problems.get(i).isEmpty()) {
                checkable.add(rows.get(i));
            }
        }
        Set<String> takenIds = new HashSet<>(userIds.claimedAmong(checkable.stream().map(ImportRow::userId).toList()));
        Set<String> takenEmails = new HashSet<>(emails.claimedAmong(
                checkable.stream().map(row -> EmailAddress.keyOf(row.email())).toList()));
        List<Planned> planned = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            List<ValidationProblem> found = problems.get(i);
            if (row.wantsActive() && found.isEmpty()) {
                String emailKey = EmailAddress.keyOf(row.email());
                if (takenIds.contains(row.userId())) {
                    found = List.of(ActivationPolicy.USER_ID_TAKEN);
                } else if (takenEmails.contains(emailKey)) {
                    found = List.of(ActivationPolicy.EMAIL_TAKEN);
                } else {
                    takenIds.add(row.userId());
                    takenEmails.add(emailKey);
                    planned.add(new Planned(row, true, null));
                    continue;
                }
            }
            planned.add(new Planned(row, false, found.isEmpty() ? null : ActivationPolicy.describe(found)));
        }
        return planned;
    }

    /**
     * The caller's refusals first, then what the activation policy finds in a row that asks to be
     * ACTIVE. A row that asks to stay a DRAFT may leave fields empty, but a field it fills wrongly
     * (an invalid userId or email) is reported all the same, so the file can be fixed at once.
     */
    private static List<ValidationProblem> fieldProblems(ImportRow row) {
        List<ValidationProblem> problems = new ArrayList<>(row.refusals());
        List<ValidationProblem> policy = ActivationPolicy.problemsOf(row.userId(), row.firstName(), row.lastName(), row.email());
        if (row.wantsActive()) {
            problems.addAll(policy);
        } else {
            policy.stream().filter(problem -> INVALID_WHEN_FILLED.contains(problem.code())).forEach(problems::add);
        }
        return problems;
    }

    private static final Set<ValidationCode> INVALID_WHEN_FILLED = Set.of(ValidationCode.USER_ID_INVALID,
            ValidationCode.EMAIL_INVALID);
}
