package io.roster.api;

import io.roster.users.ImportResult;
import java.util.List;
import java.util.Map;

/**
 * The answer to an import (docs/rules.md §15): counts, each row that has something to fix (its
 * validation result in the caller's {@code Accept-Language} with its codes beside), and each row
 * that named an account the company already has (left as it is, {@code existing}), with the key it
 * matched by ({@code userId} or {@code email}).
 */
record ImportReport(int rows, int activated, int drafts, int existing, boolean dryRun, List<RowError> errors,
        List<ExistingRow> existingRows) {

    record RowError(int line, String userId, String validationResult, String validationCode,
            List<Map<String, Object>> validationProblems) {
    }

    record ExistingRow(int line, String userId, String status, String matchedBy) {
    }

    static ImportReport of(ImportResult result, ApiWording words) {
        return new ImportReport(result.rows().size(), result.activated(), result.drafts(), result.existing(),
                result.dryRun(),
                result.problems().stream()
                        .map(row -> new RowError(row.line(), row.userId(), words.text(row.validationResult()),
                                row.validationResult().code().name(), ApiWording.problems(row.validationResult())))
                        .toList(),
                result.rows().stream().filter(ImportResult.RowOutcome::alreadyExisted)
                        .map(row -> new ExistingRow(row.line(), row.userId(), row.status().name(),
                                row.existing().matchedBy() == io.roster.users.ExistingAccount.MatchedBy.USER_ID ? "userId"
                                        : "email"))
                        .toList());
    }
}
