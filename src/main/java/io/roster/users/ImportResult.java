package io.roster.users;

import java.util.List;

/**
 * What a bulk import did, row by row in the order of the source. A row that named an account of the
 * company ({@link RowOutcome#existing()}) was not written: it reads as that account is. After a dry run nothing was
 * written, {@code accountId} is null and every other field reads as the real import would have.
 */
public record ImportResult(boolean dryRun, List<RowOutcome> rows) {

    public ImportResult {
        rows = List.copyOf(rows);
    }

    /**
     * One row: its status now and its validation result — {@code OK} when activated, what to fix
     * when an activation was refused or the caller refused the row, null for a plain DRAFT.
     */
    public record RowOutcome(int line, String accountId, String userId, UserStatus status, ValidationResult validationResult,
            ExistingAccount existing) {

        public RowOutcome(int line, String accountId, String userId, UserStatus status, ValidationResult validationResult) {
            this(line, accountId, userId, status, validationResult, null);
        }

        /** True when the row named an account the company had already, which was left as it was. */
        public boolean alreadyExisted() {
            return existing != null;
        }

        /** True when the row says something to fix. */
        public boolean hasProblem() {
            return validationResult != null && !validationResult.isOk();
        }
    }

    public int activated() {
        return (int) rows.stream().filter(row -> !row.alreadyExisted() && row.status() == UserStatus.ACTIVE).count();
    }

    public int drafts() {
        return rows.size() - activated() - existing();
    }

    /** Rows naming an account the company had already: not written again. */
    public int existing() {
        return (int) rows.stream().filter(RowOutcome::alreadyExisted).count();
    }

    public List<RowOutcome> problems() {
        return rows.stream().filter(RowOutcome::hasProblem).toList();
    }
}
