package io.roster.workspaces;

import io.roster.users.AccountLookups;
import io.roster.users.UserEvents;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the userId sort key copied into a member's rights equal to its account's, in the same
 * transaction as the edit (a plain listener runs in the publisher's transaction), so the members
 * page stays in userId order. A userId only changes on a DRAFT, which holds no right today: this
 * keeps the copy right should that change.
 */
@Component
class MemberSortKeys {

    private final MemberRows members;
    private final AccountLookups lookups;

    MemberSortKeys(MemberRows members, AccountLookups lookups) {
        this.members = members;
        this.lookups = lookups;
    }

    @EventListener
    void on(UserEvents.UserEdited edited) {
        if (edited.after().userId() == null || Objects.equals(edited.before().userId(), edited.after().userId())) {
            return;
        }
        lookups.userIdSortKey(edited.accountId()).ifPresent(key -> members.sortKeyChanged(edited.accountId(), key));
    }
}
