package io.roster.users;

import io.roster.shared.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * A bulk import failed after some of its batches were committed. Those rows stay (each batch is
 * whole), so the problem says where to resume instead of pretending nothing happened.
 */
public final class ImportInterrupted extends ProblemException {

    ImportInterrupted(int line, int savedRows, Throwable cause) {
        super(500, "import-interrupted", "Import interrupted", "The import stopped at line " + line + ": the "
                + savedRows + " rows before it were saved. Import the rest of the file, from line " + line + " on.",
                List.of(), Map.of("line", line, "savedRows", savedRows));
        initCause(cause);
    }
}
