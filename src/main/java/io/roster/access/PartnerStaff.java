package io.roster.access;

import io.roster.shared.Cursor;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import io.roster.users.Accounts;
import io.roster.users.NewStaff;
import io.roster.users.StaffAccounts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The members of a partner space: accounts that belong to the partner, each with a partner role. */
@Service
public class PartnerStaff {

    private final JdbcClient jdbc;
    private final StaffAccounts staffAccounts;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    PartnerStaff(JdbcClient jdbc, StaffAccounts staffAccounts, Accounts accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
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
        PartnerRole role = jdbc.sql("SELECT role FROM partner_members WHERE partner_id = ? AND account_id = ?")
                .params(partner.value(), accountId)
                .query((rs, n) -> PartnerRole.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> noMember(accountId));
        return accounts.profiles(List.of(accountId)).stream().findFirst().map(profile -> member(profile, role))
                .orElseThrow(() -> noMember(accountId));
    }

    /**
     * A page of the members by userId. A partner's staff is a handful of people: their ids and roles
     * are read whole, their profiles in one query of the users module, in userId order, and the
     * page starts after the cursor.
     */
    public Page<Member> list(PartnerId partner, PageRequest page) {
        Cursor after = page.cursor() == null ? null : page.cursor().requireSort("userId");
        Map<String, PartnerRole> roles = new HashMap<>();
        jdbc.sql("SELECT account_id, role FROM partner_members WHERE partner_id = ?").param(partner.value())
                .query((rs, n) -> Map.entry(rs.getString(1), PartnerRole.valueOf(rs.getString(2)))).list()
                .forEach(entry -> roles.put(entry.getKey(), entry.getValue()));
        List<Member> rows = accounts.profiles(roles.keySet()).stream()
                .filter(profile -> after == null || comesAfter(profile, after))
                .limit(page.limit() + 1L)
                .map(profile -> member(profile, roles.get(profile.accountId())))
                .toList();
        return Page.fromLookahead(rows, page.limit(), last -> new Cursor("userId", sortKey(last.userId()), last.accountId()));
    }

    /** (userId key, id) past the cursor's, in the order {@link Accounts#profiles} reads them. */
    private static boolean comesAfter(Accounts.Profile profile, Cursor after) {
        int byKey = sortKey(profile.userId()).compareTo(after.key());
        return byKey > 0 || byKey == 0 && profile.accountId().compareTo(after.id()) > 0;
    }

    private static String sortKey(String userId) {
        return userId == null ? "" : userId.trim().toLowerCase(Locale.ROOT);
    }

    /** The partner's administrators (account ids), whom its access grants' answers are told to. */
    public List<String> administratorIds(PartnerId partner) {
        return jdbc.sql("SELECT account_id FROM partner_members WHERE partner_id = ? AND role = ? ORDER BY account_id")
                .params(partner.value(), PartnerRole.PARTNER_ADMIN.name()).query(String.class).list();
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

    private static Member member(Accounts.Profile profile, PartnerRole role) {
        return new Member(profile.accountId(), profile.userId(), profile.firstName(), profile.lastName(),
                profile.email(), role);
    }

    private static Problems.NotFound noMember(String accountId) {
        return new Problems.NotFound("No member " + accountId + " in this partner space").coded("NO_PARTNER_MEMBER", accountId);
    }
}
