package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.audit.AuditEntry;
import io.roster.audit.AuditFilter;
import io.roster.audit.AuditLog;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.tenancy.Tenancy;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of a company (needs {@code audit.read} there) and of a partner space (its partner
 * administrators and the operator), newest first, filtered by {@code actor}, {@code action},
 * {@code from} and {@code to}; the same as CSV under {@code …/audit/export}.
 */
@RestController
@RequestMapping("/api/v1")
class AuditController {

    private final Guard guard;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final JsonMapper json;

    AuditController(Guard guard, Tenancy tenancy, AuditLog audit, JsonMapper json) {
        this.guard = guard;
        this.tenancy = tenancy;
        this.audit = audit;
        this.json = json;
    }

    record EntryView(String id, Instant occurredAt, String companyId, String partnerId, String actorAccountId,
            String actorUserId, String actorKind, String action, String targetType, String targetId, JsonNode before,
            JsonNode after, String clientAddress, String requestId) {
    }

    @GetMapping("/companies/{companyId}/audit")
    Page<EntryView> company(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        CompanyId company = companyOf(caller, companyId);
        return audit.ofCompany(company, AuditFilter.of(actor, action, from, to), PageRequest.of(limit, cursor))
                .map(this::view);
    }

    @GetMapping("/partners/{partnerId}/audit")
    Page<EntryView> partner(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        PartnerId partner = partnerOf(caller, partnerId);
        return audit.ofPartner(partner, AuditFilter.of(actor, action, from, to), PageRequest.of(limit, cursor))
                .map(this::view);
    }

    @GetMapping("/companies/{companyId}/audit/export")
    void exportCompany(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        CompanyId company = companyOf(caller, companyId);
        AuditFilter filter = AuditFilter.of(actor, action, from, to);
        csv(response, "audit-company-" + company.value() + ".csv", sink -> audit.exportCompany(company, filter, sink));
    }

    @GetMapping("/partners/{partnerId}/audit/export")
    void exportPartner(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        PartnerId partner = partnerOf(caller, partnerId);
        AuditFilter filter = AuditFilter.of(actor, action, from, to);
        csv(response, "audit-partner-" + partner.value() + ".csv", sink -> audit.exportPartner(partner, filter, sink));
    }

    private CompanyId companyOf(Caller caller, String companyId) {
        return guard.requireCompany(caller, new CompanyId(companyId), Permission.AUDIT_READ).company();
    }

    /** Partner administrators only: a partner user manager has no {@code audit.read} in the companies either. */
    private PartnerId partnerOf(Caller caller, String partnerId) {
        PartnerId partner = new PartnerId(partnerId);
        guard.requirePartner(caller, partner, true);
        return tenancy.partner(partner).id();
    }

    private static void csv(HttpServletResponse response, String filename, Consumer<Consumer<AuditEntry>> entries)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        Writer writer = response.getWriter();
        AuditCsv csv = new AuditCsv(writer);
        csv.header();
        entries.accept(csv::row);
        writer.flush();
    }

    private EntryView view(AuditEntry e) {
        return new EntryView(e.id(), e.occurredAt(), e.companyId(), e.partnerId(), e.actorAccountId(), e.actorUserId(),
                e.actorKind().name(), e.action(), e.targetType(), e.targetId(), parse(e.beforeJson()),
                parse(e.afterJson()), e.clientAddress(), e.requestId());
    }

    private JsonNode parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
