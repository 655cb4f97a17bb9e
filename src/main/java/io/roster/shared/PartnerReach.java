package io.roster.shared;

import java.time.Instant;
import java.util.List;

/**
 * Which companies' users a partner's staff reach, as the users module needs it for the partner's
 * cross-company Users list (docs/architecture.md, "The partner's Users list"). The tenancy module,
 * which owns companies and grants, answers; the users module asks without depending on it.
 */
public interface PartnerReach {

    /** The partner that opened the company (it never changes), or null for a company opened without one. */
    PartnerId openerOf(CompanyId company);

    /**
     * An SQL condition, true when the partner bound as {@code :reachPartner} holds, at
     * {@code :reachNow}, a current grant with the users scope on the company whose id is in
     * {@code companyColumn}: one probe of the grants' (company, partner) key per row tested.
     */
    String currentUsersGrant(String companyColumn);

    /**
     * The companies the partner reaches now with the users scope but did not open (it asked them
     * for access): the rows a walk over the opener's copy does not find.
     */
    List<CompanyId> grantedNotOpened(PartnerId partner, Instant now);
}
