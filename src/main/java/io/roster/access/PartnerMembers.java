package io.roster.access;

import io.roster.shared.PartnerId;
import io.roster.tenancy.Tenancy;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who holds which role in which partner space. */
@Repository
class PartnerMembers {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    PartnerMembers(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    Optional<PartnerRole> roleOf(PartnerId partner, String accountId) {
        return jdbc.sql("SELECT role FROM partner_members WHERE partner_id = ? AND account_id = ?")
                .params(partner.value(), accountId)
                .query((rs, n) -> PartnerRole.valueOf(rs.getString(1)))
                .optional();
    }

    /** The roles of these accounts in these partner spaces, by partner then account (one statement). */
    Map<PartnerId, Map<String, PartnerRole>> rolesOf(Collection<PartnerId> partners, Collection<String> accountIds) {
        Map<PartnerId, Map<String, PartnerRole>> byPartner = new HashMap<>();
        if (partners.isEmpty() || accountIds.isEmpty()) {
            return byPartner;
        }
        jdbc.sql("SELECT partner_id, account_id, role FROM partner_members WHERE partner_id IN (:partners)"
                        + " AND account_id IN (:ids)")
                .param("partners", partners.stream().map(PartnerId::value).distinct().toList()).param("ids", accountIds)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
                .forEach(row -> byPartner.computeIfAbsent(new PartnerId(row[0]), p -> new HashMap<>())
                        .put(row[1], PartnerRole.valueOf(row[2])));
        return byPartner;
    }

    /** The partner spaces an account belongs to, with its role in each. */
    List<Membership> of(String accountId) {
        return jdbc.sql("SELECT partner_id, role FROM partner_members WHERE account_id = ?")
                .param(accountId)
                .query((rs, n) -> Map.entry(new PartnerId(rs.getString(1)), PartnerRole.valueOf(rs.getString(2))))
                .list().stream()
                .map(held -> new Membership(held.getKey(), tenancy.partner(held.getKey()).name(), held.getValue()))
                .sorted(Comparator.comparing(Membership::partnerName))
                .toList();
    }

    record Membership(PartnerId partnerId, String partnerName, PartnerRole role) {
    }
}
