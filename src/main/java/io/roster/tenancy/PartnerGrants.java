package io.roster.tenancy;

import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code partner_grants} table: one row per company and partner. Every read names the company
 * or the partner; "current" is decided here with the time the caller passes (the Clock bean's).
 */
@Repository
class PartnerGrants {

    private static final String COLUMNS = "g.id, g.company_id, g.partner_id, g.status, g.scope_users, g.scope_billing,"
            + " g.ends_at, g.requested_by, g.requested_at, g.decided_by, g.decided_at, g.version";

    private final JdbcClient jdbc;

    PartnerGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code opener}: the grant's partner is the one that opened the company (see V90). */
    void insert(PartnerGrant grant, boolean opener, Instant now) {
        jdbc.sql("INSERT INTO partner_grants (id, company_id, partner_id, status, scope_users, scope_billing, ends_at,"
                        + " requested_by, requested_at, decided_by, decided_at, opener, version, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(grant.id(), grant.companyId().value(), grant.partnerId().value(), grant.status().name(),
                        grant.scope().contains(GrantScope.USERS), grant.scope().contains(GrantScope.BILLING),
                        utc(grant.endsAt()), grant.requestedBy(), utc(grant.requestedAt()), grant.decidedBy(),
                        utc(grant.decidedAt()), opener, utc(now), utc(now))
                .update();
    }

    /**
     * Writes the grant's new state if its row is still at {@code grant.version()}: false when someone
     * changed it meanwhile (the caller answers 409), so two answers never both win.
     */
    boolean update(PartnerGrant grant, Instant now) {
        return jdbc.sql("UPDATE partner_grants SET status = ?, scope_users = ?, scope_billing = ?, ends_at = ?,"
                        + " requested_by = ?, requested_at = ?, decided_by = ?, decided_at = ?, version = version + 1,"
                        + " updated_at = ? WHERE id = ? AND company_id = ? AND version = ?")
                .params(grant.status().name(), grant.scope().contains(GrantScope.USERS),
                        grant.scope().contains(GrantScope.BILLING), utc(grant.endsAt()), grant.requestedBy(),
                        utc(grant.requestedAt()), grant.decidedBy(), utc(grant.decidedAt()), utc(now), grant.id(),
                        grant.companyId().value(), grant.version())
                .update() == 1;
    }

    Optional<PartnerGrant> find(CompanyId company, String grantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_grants g WHERE g.company_id = ? AND g.id = ?")
                .params(company.value(), grantId).query(PartnerGrants::map).optional();
    }

    Optional<PartnerGrant> find(CompanyId company, PartnerId partner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_grants g WHERE g.company_id = ? AND g.partner_id = ?")
                .params(company.value(), partner.value()).query(PartnerGrants::map).optional();
    }

    /** The partner's grants in these companies (one probe of the (company, partner) key each). */
    List<PartnerGrant> find(PartnerId partner, Collection<CompanyId> companies) {
        if (companies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_grants g WHERE g.company_id IN (:companies)"
                        + " AND g.partner_id = :partner")
                .param("companies", ids(companies)).param("partner", partner.value())
                .query(PartnerGrants::map).list();
    }

    /** The grants of these companies (a handful each), by company then id. */
    List<PartnerGrant> ofCompanies(Collection<CompanyId> companies) {
        if (companies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_grants g WHERE g.company_id IN (:companies)"
                        + " ORDER BY g.company_id, g.id")
                .param("companies", ids(companies)).query(PartnerGrants::map).list();
    }

    /**
     * The first {@code limit} companies whose users the partner reaches now, in the order of their
     * folded name, whose folded name lies in {@code [from, to)} ({@code to} null: no upper bound):
     * the companies' name index (V79) walked in order with one probe of the grant's (company,
     * partner) key per company until the page is full (PostgreSQL may rather read the partner's
     * current grants and sort the matches, when its statistics say the partner's companies are
     * few among the platform's); never a list of every company of the partner handed back.
     */
    List<Company> reachedByName(PartnerId partner, String from, String to, int limit, Instant now) {
        var spec = jdbc.sql("SELECT c.id, c.name, c.slug, c.partner_id, c.version, c.created_at FROM companies c"
                        + " WHERE c.name_key >= :from" + (to == null ? "" : " AND c.name_key < :to")
                        + " AND EXISTS (SELECT 1 FROM partner_grants g WHERE g.company_id = c.id AND g.partner_id = :partner"
                        + " AND g.status = 'ACTIVE' AND g.ends_at > :now AND g.scope_users = TRUE)"
                        + " ORDER BY c.name_key, c.id FETCH FIRST " + limit + " ROWS ONLY")
                .param("partner", partner.value()).param("from", from).param("now", utc(now));
        if (to != null) {
            spec = spec.param("to", to);
        }
        return spec.query((rs, n) -> {
            String openedBy = rs.getString("partner_id");
            return new Company(new CompanyId(rs.getString("id")), rs.getString("name"), rs.getString("slug"),
                    openedBy == null ? null : new PartnerId(openedBy), rs.getLong("version"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant());
        }).list();
    }

    private static List<String> ids(Collection<CompanyId> companies) {
        return companies.stream().map(CompanyId::value).distinct().toList();
    }

    /** The grants of a company (one per partner: a handful), by id. */
    List<PartnerGrant> ofCompany(CompanyId company) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_grants g WHERE g.company_id = ? ORDER BY g.id")
                .param(company.value()).query(PartnerGrants::map).list();
    }

    /** The companies the partner currently reaches for this scope: ACTIVE grants not yet ended. */
    List<CompanyId> currentCompanies(PartnerId partner, GrantScope scope, Instant now) {
        return jdbc.sql("SELECT g.company_id FROM partner_grants g WHERE g.partner_id = ? AND g.status = 'ACTIVE'"
                        + " AND g.ends_at > ? AND g." + column(scope) + " = TRUE")
                .params(partner.value(), utc(now)).query((rs, n) -> new CompanyId(rs.getString(1))).list();
    }

    /**
     * The companies the partner currently reaches with the users scope without having opened them:
     * one range of the (partner, opener, status, end) index, as long as those grants are few.
     */
    List<CompanyId> currentNotOpened(PartnerId partner, Instant now) {
        return jdbc.sql("SELECT g.company_id FROM partner_grants g WHERE g.partner_id = ? AND g.opener = FALSE"
                        + " AND g.status = 'ACTIVE' AND g.ends_at > ? AND g.scope_users = TRUE")
                .params(partner.value(), utc(now)).query((rs, n) -> new CompanyId(rs.getString(1))).list();
    }

    /** The partner's companies, whatever their grant's status, by name then id: one keyset page (limit + 1). */
    List<GrantedCompany> companiesOf(PartnerId partner, PageRequest page) {
        Cursor after = page.cursor() == null ? null : page.cursor().requireSort("name");
        String keyset = after == null ? "" : " AND (c.name > :key OR (c.name = :key AND c.id > :id))";
        var spec = jdbc.sql("SELECT " + COLUMNS + ", c.name, c.slug, c.partner_id AS opened_by, c.version AS c_version,"
                        + " c.created_at FROM partner_grants g JOIN companies c ON c.id = g.company_id"
                        + " WHERE g.partner_id = :partner" + keyset
                        + " ORDER BY c.name, c.id FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY")
                .param("partner", partner.value());
        if (after != null) {
            spec = spec.param("key", after.key()).param("id", after.id());
        }
        return spec.query((rs, n) -> {
            String openedBy = rs.getString("opened_by");
            Company company = new Company(new CompanyId(rs.getString("company_id")), rs.getString("name"),
                    rs.getString("slug"), openedBy == null ? null : new PartnerId(openedBy), rs.getLong("c_version"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant());
            return new GrantedCompany(company, map(rs, n));
        }).list();
    }

    /** Up to {@code limit} ACTIVE grants whose end has passed, oldest end first (the expiry job's batch). */
    List<PartnerGrant> ended(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner_grants g WHERE g.status = 'ACTIVE' AND g.ends_at <= ?"
                        + " ORDER BY g.ends_at FETCH FIRST " + limit + " ROWS ONLY")
                .param(utc(now)).query(PartnerGrants::map).list();
    }

    private static String column(GrantScope scope) {
        return scope == GrantScope.USERS ? "scope_users" : "scope_billing";
    }

    private static PartnerGrant map(ResultSet rs, int n) throws SQLException {
        Set<GrantScope> scope = EnumSet.noneOf(GrantScope.class);
        if (rs.getBoolean("scope_users")) {
            scope.add(GrantScope.USERS);
        }
        if (rs.getBoolean("scope_billing")) {
            scope.add(GrantScope.BILLING);
        }
        return new PartnerGrant(rs.getString("id"), new CompanyId(rs.getString("company_id")),
                new PartnerId(rs.getString("partner_id")), GrantStatus.valueOf(rs.getString("status")),
                Set.copyOf(scope), instant(rs, "ends_at"), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
