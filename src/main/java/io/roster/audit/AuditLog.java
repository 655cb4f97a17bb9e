package io.roster.audit;

import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Reads the audit log of a company or of a partner space, newest first. Callers authorize first
 * ({@code audit.read} in the company; a partner administrator for a partner space).
 */
@Service
public class AuditLog {

    static final String SORT = "occurredAt";
    private static final int EXPORT_BATCH = 500;

    private final AuditEntries entries;

    AuditLog(AuditEntries entries) {
        this.entries = entries;
    }

    public Page<AuditEntry> ofCompany(CompanyId company, AuditFilter filter, PageRequest page) {
        return page(AuditEntries.Scope.COMPANY, company.value(), filter, page);
    }

    public Page<AuditEntry> ofPartner(PartnerId partner, AuditFilter filter, PageRequest page) {
        return page(AuditEntries.Scope.PARTNER, partner.value(), filter, page);
    }

    /** What one partner's staff did in the company (the entries filed under both), newest first. */
    public Page<AuditEntry> ofPartnerInCompany(CompanyId company, PartnerId partner, PageRequest page) {
        AuditEntries.Position after = page.cursor() == null ? null
                : AuditEntries.position(page.cursor().requireSort(SORT).key(), page.cursor().id());
        List<AuditEntry> rows = entries.pageOfPartnerInCompany(company.value(), partner.value(), after, page.limit() + 1);
        return Page.fromLookahead(rows, page.limit(), AuditLog::cursorOf);
    }

    /** Every entry of the company that the filter keeps, newest first, read in batches. */
    public void exportCompany(CompanyId company, AuditFilter filter, Consumer<AuditEntry> sink) {
        export(AuditEntries.Scope.COMPANY, company.value(), filter, sink);
    }

    public void exportPartner(PartnerId partner, AuditFilter filter, Consumer<AuditEntry> sink) {
        export(AuditEntries.Scope.PARTNER, partner.value(), filter, sink);
    }

    private Page<AuditEntry> page(AuditEntries.Scope scope, String scopeId, AuditFilter filter, PageRequest page) {
        AuditEntries.Position after = page.cursor() == null ? null
                : AuditEntries.position(page.cursor().requireSort(SORT).key(), page.cursor().id());
        List<AuditEntry> rows = entries.page(scope, scopeId, filter, after, page.limit() + 1);
        return Page.fromLookahead(rows, page.limit(), AuditLog::cursorOf);
    }

    private void export(AuditEntries.Scope scope, String scopeId, AuditFilter filter, Consumer<AuditEntry> sink) {
        AuditEntries.Position after = null;
        List<AuditEntry> batch;
        do {
            batch = entries.page(scope, scopeId, filter, after, EXPORT_BATCH);
            batch.forEach(sink);
            if (!batch.isEmpty()) {
                AuditEntry last = batch.getLast();
                after = new AuditEntries.Position(last.occurredAt(), last.id());
            }
        } while (batch.size() == EXPORT_BATCH);
    }

    private static Cursor cursorOf(AuditEntry entry) {
        return new Cursor(SORT, entry.occurredAt().toString(), entry.id());
    }
}
