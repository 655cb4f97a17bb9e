package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;

/** What changed in who may do what. Audit and notifications listen to these. */
public final class AccessEvents {

    private AccessEvents() {
    }

    public record RoleCreated(CompanyId companyId, String roleId, String name, String permissions) {
    }

    public record RoleGranted(CompanyId companyId, String accountId, String roleId, String byAccountId) {
    }

    public record RoleRevoked(CompanyId companyId, String accountId, String roleId, String byAccountId) {
    }

    public record PartnerMemberAdded(PartnerId partnerId, String accountId, PartnerRole role) {
    }

    public record PartnerMemberRemoved(PartnerId partnerId, String accountId) {
    }

    public record SignInLockCleared(String accountId, String byAccountId) {
    }
}
