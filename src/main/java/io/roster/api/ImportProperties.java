package io.roster.api;

import io.roster.shared.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large one CSV import of the Users table may be ({@link CsvImportLimits}).
 *
 * @param maxBytes {@code roster.import.max-bytes} ({@code ROSTER_IMPORT_MAX_BYTES}): the largest file,
 *        also the multipart upload limit
 * @param maxRows {@code roster.import.max-rows} ({@code ROSTER_IMPORT_MAX_ROWS}): the most data rows
 */
@ConfigurationProperties("roster.import")
record ImportProperties(@DefaultValue("10MB") DataSize maxBytes, @DefaultValue("50000") int maxRows) {

    ImportProperties {
        if (maxBytes == null || maxBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("roster.import.max-bytes (ROSTER_IMPORT_MAX_BYTES) must be a size above"
                    + " zero, such as 10MB or 512KB; it is " + (maxBytes == null ? "empty" : maxBytes));
        }
        Settings.atLeast(maxRows, 1, "roster.import.max-rows (ROSTER_IMPORT_MAX_ROWS)");
    }
}
