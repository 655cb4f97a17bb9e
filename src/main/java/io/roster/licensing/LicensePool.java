package io.roster.licensing;

import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's seats, one row of {@code license_pools} per company. Every change is one conditional
 * UPDATE of that row: the database's row lock serialises concurrent callers whatever node they run
 * on, the WHERE clause re-checked under that lock keeps {@code used <= purchased}, and a CHECK
 * constraint backs it.
 * Seats are taken and released inside the caller's transaction, so a rolled-back activation
 * gives its seat back.
 */
@Service
public class LicensePool {

    /** The most licenses a company may buy. */
    public static final int MAX_PURCHASED = 1_000_000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LicensePool(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Opens the pool of a company being created, in the company's own transaction, so a company
     * never exists without its seats.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void open(CompanyId company, int purchased) {
        requirePurchasable(purchased);
        jdbc.sql("INSERT INTO license_pools (company_id, purchased, used, version) VALUES (?, ?, 0, 0)")
                .params(company.value(), purchased)
                .update();
    }

    /** Takes one seat, or tells why not. Must run inside the transaction that activates the user. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<SeatRefusal> take(CompanyId company) {
        int updated = jdbc.sql("UPDATE license_pools SET used = used + 1 WHERE company_id = ? AND used < purchased")
                .param(company.value())
                .update();
        if (updated == 1) {
            return Optional.empty();
        }
        Usage usage = usage(company);
        return Optional.of(new SeatRefusal(usage.used(), usage.purchased()));
    }

    /**
     * The refusal {@link #take} would give if the company has no free seat now, read without a lock:
     * a cheap early answer before an activation does its work. Only {@link #take} is authoritative.
     */
    public Optional<SeatRefusal> refusalIfFull(CompanyId company) {
        Usage usage = usage(company);
        return usage.used() < usage.purchased() ? Optional.empty()
                : Optional.of(new SeatRefusal(usage.used(), usage.purchased()));
    }

    /**
     * Takes as many of {@code wanted} seats as are free, for a bulk import: one locked read and one
     * conditional UPDATE for the whole batch instead of one per user. The WHERE clause is re-checked
     * under the row lock like {@link #take}'s, so the invariant holds whatever runs beside it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Seats takeUpTo(CompanyId company, int wanted) {
        Usage before = lockedUsage(company);
        int taken = Math.max(0, Math.min(wanted, before.purchased() - before.used()));
        if (taken > 0) {
            int updated = jdbc.sql("UPDATE license_pools SET used = used + ? WHERE company_id = ? AND used + ? <= purchased")
                    .params(taken, company.value(), taken)
                    .update();
            if (updated != 1) {
                throw new IllegalStateException("The seats of " + company + " changed under their row lock");
            }
        }
        return new Seats(taken, new Usage(before.used() + taken, before.purchased()));
    }

    /**
     * Locks the company's pool until the caller's transaction ends and reads it: what depends on
     * the seats staying as read (the order of the seat waitlist) is decided under this lock, the
     * one every take and release of a seat waits on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Usage lock(CompanyId company) {
        return lockedUsage(company);
    }

    /** Gives one seat back. Must run inside the transaction that deactivates or deletes the user. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(CompanyId company) {
        jdbc.sql("UPDATE license_pools SET used = used - 1 WHERE company_id = ? AND used > 0")
                .param(company.value())
                .update();
    }

    /**
     * Plan &amp; billing: sets the number of purchased licenses. An increase is always allowed; a
     * decrease only down to the number in use (409 otherwise, saying how many are in use).
     */
    @Transactional
    public Usage changePurchased(CompanyId company, int purchased) {
        requirePurchasable(purchased);
        Usage before = lockedUsage(company);
        if (purchased < before.used()) {
            throw new Problems.Conflict("licenses-in-use",
                    before.used() + " licenses are in use: deactivate users before going below that number",
                    Map.of("licensesUsed", before.used(), "licensesPurchased", before.purchased()))
                    .coded("LICENSES_IN_USE", before.used());
        }
        jdbc.sql("UPDATE license_pools SET purchased = ?, version = version + 1 WHERE company_id = ?")
                .params(purchased, company.value())
                .update();
        events.publishEvent(new LicensesChanged(company, before.purchased(), purchased, before.used()));
        return new Usage(before.used(), purchased);
    }

    public Usage usage(CompanyId company) {
        return jdbc.sql("SELECT used, purchased FROM license_pools WHERE company_id = ?")
                .param(company.value())
                .query((rs, n) -> new Usage(rs.getInt(1), rs.getInt(2)))
                .optional()
                .orElseThrow(() -> new Problems.NotFound("No company " + company).coded("NO_COMPANY", company));
    }

    /** The usage of several companies (a page of them) in one statement. */
    public Map<CompanyId, Usage> usages(Collection<CompanyId> companies) {
        if (companies.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT company_id, used, purchased FROM license_pools WHERE company_id IN (:ids)")
                .param("ids", companies.stream().map(CompanyId::value).toList())
                .query((rs, n) -> Map.entry(new CompanyId(rs.getString(1)), new Usage(rs.getInt(2), rs.getInt(3))))
                .list().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The pool with its version, which changes with every change of the purchased number: the
     * company's representation (and its ETag) includes the pool.
     */
    public Pool pool(CompanyId company) {
        return jdbc.sql("SELECT used, purchased, version FROM license_pools WHERE company_id = ?")
                .param(company.value())
                .query((rs, n) -> new Pool(new Usage(rs.getInt(1), rs.getInt(2)), rs.getLong(3)))
                .optional()
                .orElseThrow(() -> new Problems.NotFound("No company " + company).coded("NO_COMPANY", company));
    }

    private static void requirePurchasable(int purchased) {
        if (purchased < 0 || purchased > MAX_PURCHASED) {
            throw Problems.InvalidInput.of("licensesPurchased", "must be a number between 0 and " + MAX_PURCHASED);
        }
    }

    private Usage lockedUsage(CompanyId company) {
        return jdbc.sql("SELECT used, purchased FROM license_pools WHERE company_id = ? FOR UPDATE")
                .param(company.value())
                .query((rs, n) -> new Usage(rs.getInt(1), rs.getInt(2)))
                .optional()
                .orElseThrow(() -> new Problems.NotFound("No company " + company).coded("NO_COMPANY", company));
    }

    /** A pool as read, with the version its row had. */
    public record Pool(Usage usage, long version) {
    }

    /** Seats in use and purchased. */
    public record Usage(int used, int purchased) {
    }

    /** What a bulk take got: {@code taken} seats, and the usage after it, which refusals quote. */
    public record Seats(int taken, Usage after) {

        public SeatRefusal refusal() {
            return new SeatRefusal(after.used(), after.purchased());
        }
    }
}
