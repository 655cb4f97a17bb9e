package io.roster.web;

import io.roster.access.Permission;
import java.util.Set;

/**
 * The page of a company that a person reaches from a link to "the company": the first one their
 * permissions open, so that no link shown leads to a refusal. Everyone with standing in a company
 * may list its workspaces (the ones they were let into, at least).
 */
final class CompanyLanding {

    private CompanyLanding() {
    }

    static String of(String companyId, Set<Permission> permissions) {
        String base = "/companies/" + companyId;
        if (permissions.contains(Permission.USERS_READ)) {
            return base + "/users";
        }
        if (permissions.contains(Permission.BILLING_MANAGE)) {
            return base + "/billing";
        }
        return base + "/workspaces";
    }
}
