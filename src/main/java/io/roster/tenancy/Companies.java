package io.roster.tenancy;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Companies, always looked up by their own id or within one partner. */
@Repository
class Companies {

    private static final String COLUMNS =
            "id, name, slug, partner_id, version, created_at";

    /** Companies found by id kept in memory: at most this many, then the map starts again. */
    private static final int KNOWN_MAX = 10_000;

    private final JdbcClient jdbc;
    /**
     * A company's row never changes once inserted (nothing updates or deletes it), so a row read
     * once is the row: a user creation asked for its company four times (the guard, the audit, the
     * invitation's and the notification's wording), each a statement. Only committed rows are kept.
     * Whoever adds an UPDATE or DELETE of companies must drop this map or evict from it.
     */
    private final ConcurrentHashMap<CompanyId, Company> known = new ConcurrentHashMap<>();

    Companies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Company company) {
        jdbc.sql("INSERT INTO companies (id, name, name_key, slug, partner_id, version, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 0, ?)")
                .params(company.id().value(), company.name(), nameKey(company.name()), company.slug(),
                        company.partnerId() == null ? null : company.partnerId().value(),
                        company.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<Company> find(CompanyId id) {
        Company cached = known.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Company> found = read(id);
        found.ifPresent(this::keepOnceCommitted);
        return found;
    }

    /**
     * Keeps a row read outside a transaction at once, one read inside a transaction when it
     * commits: that transaction may be the one that inserted it, and may still roll back.
     */
    private void keepOnceCommitted(Company company) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            keep(company);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keep(company);
            }
        });
    }

    private void keep(Company company) {
        if (known.size() >= KNOWN_MAX) {
            known.clear();
        }
        known.put(company.id(), company);
    }

    private Optional<Company> read(CompanyId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM companies WHERE id = ?")
                .param(id.value())
                .query(Companies::map)
                .optional();
    }

    /**
     * Several companies by id (those that exist): those already known from memory, the others in
     * one statement (then known too).
     */
    List<Company> findAll(Collection<CompanyId> ids) {
        List<Company> found = new java.util.ArrayList<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (CompanyId id : new java.util.LinkedHashSet<>(ids)) {
            Company cached = known.get(id);
            if (cached != null) {
                found.add(cached);
            } else {
                unknown.add(id.value());
            }
        }
        if (unknown.isEmpty()) {
            return found;
        }
        List<Company> read = jdbc.sql("SELECT " + COLUMNS + " FROM companies WHERE id IN (:ids)")
                .param("ids", unknown)
                .query(Companies::map)
                .list();
        read.forEach(this::keepOnceCommitted);
        found.addAll(read);
        return found;
    }

    boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT id FROM companies FETCH FIRST 1 ROWS ONLY) c").query(Long.class).single() > 0;
    }

    /** The company of this slug: the OpenID Connect sign-in names a company by slug or id. */
    Optional<Company> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM companies WHERE slug = ?").param(slug)
                .query(Companies::map).optional();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = ?").param(slug).query(Long.class).single() > 0;
    }

    /** A name as the search compares it: lower case (the V79 migration folded the existing names alike). */
    static String nameKey(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The {@code limit} newest companies of the platform, for the operator's home: what was just
     * created is always there (ids are time-ordered, so the primary key's index serves the order).
     */
    List<Company> newest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM companies ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .query(Companies::map).list();
    }

    static Company map(ResultSet rs, int row) throws SQLException {
        String partner = rs.getString("partner_id");
        return new Company(new CompanyId(rs.getString("id")), rs.getString("name"), rs.getString("slug"),
                partner == null ? null : new PartnerId(partner),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
