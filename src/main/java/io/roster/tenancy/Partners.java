package io.roster.tenancy;

import io.roster.shared.PartnerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partner spaces, by id. */
@Repository
class Partners {

    private final JdbcClient jdbc;

    Partners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Partner partner) {
        jdbc.sql("INSERT INTO partners (id, name, version, created_at) VALUES (?, ?, 0, ?)")
                .params(partner.id().value(), partner.name(), partner.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT id FROM partners FETCH FIRST 1 ROWS ONLY) p").query(Long.class).single() > 0;
    }

    Optional<Partner> find(PartnerId id) {
        return jdbc.sql("SELECT id, name, version, created_at FROM partners WHERE id = ?")
                .param(id.value())
                .query(Partners::map)
                .optional();
    }

    /** The {@code limit} newest partners (ids are time-ordered), for the operator's home. */
    java.util.List<Partner> newest(int limit) {
        return jdbc.sql("SELECT id, name, version, created_at FROM partners ORDER BY id DESC FETCH FIRST "
                + limit + " ROWS ONLY").query(Partners::map).list();
    }

    private static Partner map(ResultSet rs, int row) throws SQLException {
        return new Partner(new PartnerId(rs.getString("id")), rs.getString("name"), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
