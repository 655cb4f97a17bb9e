package io.roster.web;

import io.roster.users.NewUser;
import io.roster.users.UserStatus;

/** The new-user form of both seeds (docs/rules.md §17), as typed; empty fields become missing ones. */
record NewUserForm(String companyId, String email, String firstName, String lastName, String userId, String status,
        String roleId, Boolean inApp, Boolean emailNotifications, Boolean emailVerified, String password,
        String locale) {

    static NewUserForm empty(String companyId, String locale) {
        return new NewUserForm(companyId, null, null, null, null, "DRAFT", null, true, true, false, null, locale);
    }

    /** The person's language (mails, console): as chosen, else the administrator's. */
    NewUser toNewUser(String fallbackLocale) {
        String locale = "fr".equals(this.locale) || "en".equals(this.locale) ? this.locale : fallbackLocale;
        return new NewUser(blankToNull(userId), blankToNull(firstName), blankToNull(lastName), blankToNull(email),
                "ACTIVE".equals(status) ? UserStatus.ACTIVE : UserStatus.DRAFT, Boolean.TRUE.equals(emailVerified),
                blankToNull(password), locale, Boolean.TRUE.equals(inApp), Boolean.TRUE.equals(emailNotifications));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
