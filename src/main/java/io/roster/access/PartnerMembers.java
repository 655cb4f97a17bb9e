package io.roster.access;

import io.roster.shared.PartnerId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who holds which role in which partner space. */
@Repository
class PartnerMembers {

    private final JdbcClient jdbc;

    PartnerMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PartnerRole> roleOf(PartnerId partner, String accountId) {
        return jdbc.sql("SELECT role FROM partner_members WHERE partner_id = ? AND account_id = ?")
                .params(partner.value(), accountId)
                .query((rs, n) -> PartnerRole.valueOf(rs.getString(1)))
                .optional();
    }

    /** The partner spaces an account belongs to, with its role in each. */
    List<Membership> of(String accountId) {
        return jdbc.sql("SELECT m.partner_id, p.name, m.role FROM partner_members m JOIN partners p ON p.id = m.partner_id"
                        + " WHERE m.account_id = ? ORDER BY p.name")
                .param(accountId)
                .query((rs, n) -> new Membership(new PartnerId(rs.getString(1)), rs.getString(2),
                        PartnerRole.valueOf(rs.getString(3))))
                .list();
    }

    record Membership(PartnerId partnerId, String partnerName, PartnerRole role) {
    }
}
