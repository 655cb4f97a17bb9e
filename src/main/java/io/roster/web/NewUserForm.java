package io.roster.web;

import io.roster.users.NewUser;
import io.roster.users.UserStatus;

/** The new-user form of both seeds (§8), as typed; empty fields become missing ones. */
record NewUserForm(String companyId, String email, String firstName, String lastName, String userId, String status,
        String roleId, Boolean inApp, Boolean emailNotifications, Boolean emailVerified, String password) {

    static NewUserForm empty(String companyId) {
        return new NewUserForm(companyId, null, null, null, null, "DRAFT", null, true, true, false, null);
    }

    NewUser toNewUser(String locale) {
        return new NewUser(blankToNull(userId), blankToNull(firstName), blankToNull(lastName), blankToNull(email),
                "ACTIVE".equals(status) ? UserStatus.ACTIVE : UserStatus.DRAFT, Boolean.TRUE.equals(emailVerified),
                blankToNull(password), locale, Boolean.TRUE.equals(inApp), Boolean.TRUE.equals(emailNotifications));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
