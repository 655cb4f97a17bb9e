package io.roster.access;

import io.roster.shared.Cursor;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import io.roster.users.StaffAccounts;
import io.roster.users.NewStaff;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members of a partner space: accounts that belong to the partner, each with a partner role. */
@Service
public class PartnerStaff {

    private final JdbcClient jdbc;
    private final StaffAccounts staffAccounts;
    private final ApplicationEventPublisher events;

    PartnerStaff(JdbcClient jdbc, StaffAccounts staffAccounts, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.staffAccounts = staffAccounts;
        this.events = events;
    }

    /** A member as listed: profile and partner role. */
    public record Member(String accountId, String userId, String firstName, String lastName, String email,
            PartnerRole role) {
    }

    @Transactional
    public Member add(PartnerId partner, NewStaff staff, PartnerRole role) {
        if (role == null) {
            throw Problems.InvalidInput.of("role", "is required: PARTNER_ADMIN or PARTNER_USER_MANAGER");
        }
        String accountId = staffAccounts.createStaff(partner.value(), staff);
        jdbc.sql("INSERT INTO partner_members (partner_id, account_id, role, created_at) VALUES (?, ?, ?, ?)")
                .params(partner.value(), accountId, role.name(), Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        events.publishEvent(new AccessEvents.PartnerMemberAdded(partner, accountId, role, find(partner, accountId).userId()));
        return find(partner, accountId);
    }

    public Member find(PartnerId partner, String accountId) {
        return jdbc.sql(SELECT + " WHERE m.partner_id = ? AND m.account_id = ?")
                .params(partner.value(), accountId)
                .query((rs, n) -> member(rs))
                .optional()
                .orElseThrow(() -> new Problems.NotFound("No member " + accountId + " in this partner space"));
    }

    public Page<Member> list(PartnerId partner, PageRequest page) {
        Cursor after = page.cursor() == null ? null : page.cursor().requireSort("userId");
        var spec = jdbc.sql(SELECT + " WHERE m.partner_id = :partner"
                        + (after == null ? "" : " AND (a.user_id_sort, a.id) > (:key, :id)")
                        + " ORDER BY a.user_id_sort, a.id FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY")
                .param("partner", partner.value());
        if (after != null) {
            spec = spec.param("key", after.key()).param("id", after.id());
        }
        List<Member> rows = spec.query((rs, n) -> member(rs)).list();
        return Page.fromLookahead(rows, page.limit(),
                last -> new Cursor("userId", last.userId() == null ? "" : last.userId().toLowerCase(), last.accountId()));
    }

    /** Removes a member: its account belongs to the partner, so it goes too. */
    @Transactional
    public void remove(PartnerId partner, String accountId, Caller by) {
        Member removed = find(partner, accountId);
        if (accountId.equals(by.accountId())) {
            throw new Problems.Conflict("self-removal", "You cannot remove yourself from the partner space");
        }
        staffAccounts.deleteStaff(partner.value(), accountId);
        jdbc.sql("DELETE FROM partner_members WHERE partner_id = ? AND account_id = ?")
                .params(partner.value(), accountId).update();
        events.publishEvent(new AccessEvents.PartnerMemberRemoved(partner, accountId, removed.userId(), removed.role()));
    }

    private static final String SELECT = "SELECT a.id, a.user_id, a.first_name, a.last_name, a.email, m.role"
            + " FROM partner_members m JOIN accounts a ON a.id = m.account_id";

    private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                PartnerRole.valueOf(rs.getString(6)));
    }
}
