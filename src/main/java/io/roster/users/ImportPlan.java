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
     * {@code problems} that keep it one (null for a row that only asked to be a DRAFT).
     */
    record Planned(ImportRow row, boolean candidate, ValidationResult problems) {
    }

    /** Which of these keys some account has already claimed (asked of the database in bulk). */
    interface Claims {
        Set<String> claimedAmong(Collection<String> keys);
    }

    private ImportPlan() {
    }

    /** Plans trimmed rows, in the order of the source. */
    static List<Planned> of(List<ImportRow> rows, Claims userIds, Claims emails) {
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

    /** The caller's refusals first, then what the activation policy finds in a row that asks to be ACTIVE. */
    private static List<ValidationProblem> fieldProblems(ImportRow row) {
        List<ValidationProblem> problems = new ArrayList<>(row.refusals());
        if (row.wantsActive()) {
            problems.addAll(ActivationPolicy.problemsOf(row.userId(), row.firstName(), row.lastName(), row.email()));
        }
        return problems;
    }
}
