package io.roster.api;

import io.roster.shared.ProblemException;
import jakarta.servlet.MultipartConfigElement;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How large a CSV import may be ({@code roster.import.max-bytes}, {@code roster.import.max-rows}).
 * The same byte limit bounds multipart uploads, so both ways of sending a file are refused alike
 * (413) and no upload is buffered past it.
 */
@Configuration
class CsvImportLimits {

    private final DataSize maxBytes;
    private final int maxRows;

    CsvImportLimits(ImportProperties properties) {
        this.maxBytes = properties.maxBytes();
        this.maxRows = properties.maxRows();
    }

    long maxBytes() {
        return maxBytes.toBytes();
    }

    int maxRows() {
        return maxRows;
    }

    /** Replaces Spring Boot's multipart settings: a file part up to the limit, plus room for the envelope. */
    @Bean
    MultipartConfigElement multipartConfigElement() {
        long envelope = DataSize.ofKilobytes(64).toBytes();
        return new MultipartConfigElement("", maxBytes(), maxBytes() + envelope, 0);
    }

    TooLarge tooLarge() {
        return new TooLarge("The file is larger than " + readable(maxBytes) + ", the most one import takes: split it"
                + " into files of at most " + readable(maxBytes) + " and " + maxRows + " rows")
                .coded("IMPORT_TOO_LARGE", readable(maxBytes), maxRows);
    }

    TooLarge tooManyRows() {
        return new TooLarge("The file has more than " + maxRows + " rows, the most one import takes: split it into"
                + " files of at most " + maxRows + " rows").coded("IMPORT_TOO_MANY_ROWS", maxRows);
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** 413 Content Too Large, saying the limit and what to do. */
    static final class TooLarge extends ProblemException {
        TooLarge(String detail) {
            super(413, "import-too-large", "Import too large", detail, List.of(), Map.of());
        }

        @Override
        public TooLarge coded(String code, Object... args) {
            super.coded(code, args);
            return this;
        }
    }
}
