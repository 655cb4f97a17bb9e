package io.roster.access;

import io.roster.users.ActivationOutcome;
import io.roster.users.NewUser;
import io.roster.users.UserLifecycle;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * A new row of a company's Users table with its roles, as the API, the console and the partner
 * space create it. The roles are checked before anything is saved, so an unknown or too strong
 * role leaves nothing behind; they are then granted in the creation's own transaction, before the
 * activation, so one commit makes the user, its roles, its audit and its mails.
 */
@Service
public class UserCreation {

    private final UserLifecycle lifecycle;
    private final RoleAssignments assignments;

    UserCreation(UserLifecycle lifecycle, RoleAssignments assignments) {
        this.lifecycle = lifecycle;
        this.assignments = assignments;
    }

    /** Creates the user in {@code access}'s company; the caller holds users.manage there. */
    public ActivationOutcome create(CompanyAccess access, NewUser user, Collection<String> roleIds) {
        List<Role> roles = roleIds.stream().distinct()
                .map(roleId -> assignments.requireGrantable(access.company(), roleId, access))
                .toList();
        return lifecycle.create(access.company(), user,
                accountId -> assignments.grantToNewAccount(access.company(), accountId, roles, access));
    }

    /**
     * As {@link #create(CompanyAccess, NewUser, Collection)}, for a directory: {@code withDraft}
     * writes what else belongs to the row (its externalId) in the creation's own transaction, and
     * {@code invite} says whether the first activation mails the account-setup invitation.
     */
    public ActivationOutcome create(CompanyAccess access, NewUser user, Collection<String> roleIds, boolean invite,
            Consumer<String> withDraft) {
        List<Role> roles = roleIds.stream().distinct()
                .map(roleId -> assignments.requireGrantable(access.company(), roleId, access))
                .toList();
        return lifecycle.create(access.company(), user, accountId -> {
            assignments.grantToNewAccount(access.company(), accountId, roles, access);
            withDraft.accept(accountId);
        }, invite);
    }
}
