package io.roster.api;

import io.roster.users.ImportResult;
import java.util.List;

/** The answer to an import (docs/rules.md §15): counts, and each row that has something to fix. */
record ImportReport(int rows, int activated, int drafts, boolean dryRun, List<RowError> errors) {

    record RowError(int line, String userId, String validationResult) {
    }

    static ImportReport of(ImportResult result) {
        return new ImportReport(result.rows().size(), result.activated(), result.drafts(), result.dryRun(),
                result.problems().stream()
                        .map(row -> new RowError(row.line(), row.userId(), row.validationResult())).toList());
    }
}
