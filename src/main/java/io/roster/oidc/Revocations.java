package io.roster.oidc;

import io.roster.access.AccessEvents;
import io.roster.shared.CompanyId;
import io.roster.users.UserEvents;
import io.roster.workspaces.WorkspaceEvents;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends a person's sign-ins to apps when they lose the right to them, in the transaction of the
 * change: deactivation and deletion end all of them; losing the last role (or right) in a company
 * ends those in that company. Removing the authorization makes the next refresh {@code invalid_grant}
 * and introspection {@code active: false} at once, on every node. A lock (too many failed sign-ins)
 * ends all of them too: the refresh would be refused during the lockout anyway ({@link PersonClaims}
 * checks it, and every other way standing is lost), so the lock only makes that immediate.
 */
@Component
class Revocations {

    private final JdbcClient jdbc;
    private final SignInCompanies companies;

    Revocations(JdbcClient jdbc, SignInCompanies companies) {
        this.jdbc = jdbc;
        this.companies = companies;
    }

    @EventListener
    void on(UserEvents.UserDeactivated e) {
        endAll(e.accountId());
    }

    @EventListener
    void on(UserEvents.UserDeleted e) {
        endAll(e.accountId());
    }

    @EventListener
    void on(AccessEvents.AccountLocked e) {
        endAll(e.accountId());
    }

    @EventListener
    void on(AccessEvents.RoleRevoked e) {
        if (companies.heldIn(e.accountId(), e.companyId()).isEmpty()) {
            endIn(e.accountId(), e.companyId());
        }
    }

    @EventListener
    void on(WorkspaceEvents.WorkspaceRightRemoved e) {
        if (companies.heldIn(e.accountId(), e.companyId()).isEmpty()) {
            endIn(e.accountId(), e.companyId());
        }
    }

    /** Every authorization of the account, whatever its company or client. */
    void endAll(String accountId) {
        jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?").param(accountId).update();
        jdbc.sql("DELETE FROM oidc_sign_ins WHERE account_id = ?").param(accountId).update();
    }

    /** The authorizations that signed the account in to this company. */
    void endIn(String accountId, CompanyId company) {
        jdbc.sql("DELETE FROM oauth2_authorization WHERE id IN (SELECT authorization_id FROM oidc_sign_ins"
                        + " WHERE account_id = ? AND company_id = ?)")
                .params(accountId, company.value()).update();
        jdbc.sql("DELETE FROM oidc_sign_ins WHERE account_id = ? AND company_id = ?")
                .params(accountId, company.value()).update();
    }
}
