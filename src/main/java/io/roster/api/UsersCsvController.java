package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.tenancy.Tenancy;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV import and export of a company's Users table (docs/rules.md §15). The import takes the file as
 * the request body ({@code text/csv}) or as the multipart field {@code file}; {@code dryRun=true}
 * writes nothing and answers the same report.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/users")
class UsersCsvController {

    private final Guard guard;
    private final UsersCsvImport importer;
    private final UsersCsvExport exporter;
    private final CsvImportLimits limits;
    private final Tenancy tenancy;

    UsersCsvController(Guard guard, UsersCsvImport importer, UsersCsvExport exporter, CsvImportLimits limits,
            Tenancy tenancy) {
        this.guard = guard;
        this.importer = importer;
        this.exporter = exporter;
        this.limits = limits;
        this.tenancy = tenancy;
    }

    /** The body is the file; read only once the caller is authorized. */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv", "text/plain"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The CSV file (UTF-8, ',' or ';')",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ImportReport importBody(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(defaultValue = "false") boolean dryRun, HttpServletRequest request) throws IOException {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        // Read up to the limit before refusing rather than trusting Content-Length: the server then has
        // little left to discard, and the client reliably gets the 413 instead of a dropped connection.
        try (InputStream body = request.getInputStream()) {
            return importer.run(access, CsvUpload.read(body, limits), dryRun);
        }
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importUpload(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestPart("file") MultipartFile file)
            throws IOException {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        if (file.getSize() > limits.maxBytes()) {
            throw limits.tooLarge();
        }
        try (InputStream body = file.getInputStream()) {
            return importer.run(access, CsvUpload.read(body, limits), dryRun);
        }
    }

    /** Streams the table page by page: nothing is built in memory, so the answer starts at once. */
    @GetMapping("/export")
    @ApiResponse(responseCode = "200", description = "The Users table as CSV",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void export(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, HttpServletResponse response)
            throws IOException {
        CompanyId company = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_READ).company();
        String file = "users-" + tenancy.company(company).slug() + "-" + LocalDate.now(ZoneOffset.UTC) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString());
        exporter.write(company, response.getOutputStream());
    }
}
