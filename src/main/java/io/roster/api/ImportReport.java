package io.roster.api;

import io.roster.users.ImportResult;
import java.util.List;
import java.util.Map;

/**
 * The answer to an import (docs/rules.md §15): counts, and each row that has something to fix, its
 * validation result in the caller's {@code Accept-Language} with its codes beside.
 */
record ImportReport(int rows, int activated, int drafts, boolean dryRun, List<RowError> errors) {

    record RowError(int line, String userId, String validationResult, String validationCode,
            List<Map<String, Object>> validationProblems) {
    }

    static ImportReport of(ImportResult result, ApiWording words) {
        return new ImportReport(result.rows().size(), result.activated(), result.drafts(), result.dryRun(),
                result.problems().stream()
                        .map(row -> new RowError(row.line(), row.userId(), words.text(row.validationResult()),
                                row.validationResult().code().name(), ApiWording.problems(row.validationResult())))
                        .toList());
    }
}
