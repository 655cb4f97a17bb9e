package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.tenancy.GrantScope;
import io.roster.tenancy.PartnerAccess;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import io.roster.users.UserLifecycle;
import io.roster.users.UserStatus;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving a person a role in a company, from the API or the console ("New role": role and company).
 * Anyone in the company's Users table may receive one; the operator may also bring in any account,
 * and partner staff any account of another company of the same partner. That account then shows as
 * external. Anyone else's account is as unknown as a wrong id.
 */
@Service
public class RoleGrants {

    private final RoleAssignments assignments;
    private final UserLifecycle lifecycle;
    private final Recipients recipients;
    private final PartnerAccess partnerAccess;

    RoleGrants(RoleAssignments assignments, UserLifecycle lifecycle, Recipients recipients, PartnerAccess partnerAccess) {
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.recipients = recipients;
        this.partnerAccess = partnerAccess;
    }

    @Transactional
    public void grant(CompanyAccess access, String accountId, String roleId) {
        if (roleId == null || roleId.isBlank()) {
            throw Problems.InvalidInput.of("roleId", "is required");
        }
        requireGrantee(access, accountId);
        assignments.grant(access.company(), accountId, roleId, access);
    }

    private void requireGrantee(CompanyAccess access, String accountId) {
        try {
            lifecycle.row(access.company(), accountId);
        } catch (Problems.NotFound notInTable) {
            var account = recipients.recipient(accountId);
            boolean operator = access.caller().operator();
            // the person's home company must be one whose users the same partner reaches now
            String partner = access.caller().homePartnerId();
            boolean samePartner = access.actsAsPartner() && partner != null && account.map(Recipient::homeCompanyId)
                    .filter(Objects::nonNull)
                    .flatMap(home -> partnerAccess.current(new CompanyId(home), new io.roster.shared.PartnerId(partner)))
                    .filter(grant -> grant.scope().contains(GrantScope.USERS))
                    .isPresent();
            if (account.isEmpty() || !(operator || samePartner)) {
                throw notInTable;
            }
            if (account.get().status() != UserStatus.ACTIVE) {
                throw new Problems.Conflict("grantee-not-active",
                        "Only an active user can be given a role in another company: activate the user first");
            }
        }
    }
}
