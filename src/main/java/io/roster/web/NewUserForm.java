package io.roster.web;

import io.roster.users.NewUser;
import io.roster.users.UserStatus;

/**
 * The new-user form of both seeds (docs/rules.md §17), in the company and in the partner space (where
 * {@code companyId} is chosen among the attached companies), as typed; empty fields become missing
 * ones. The password is never sent back to the page.
 */
record NewUserForm(String companyId, String email, String firstName, String lastName, String userId, String status,
        Boolean notifyInApp, Boolean notifyEmail, Boolean emailVerified, String password, String roleId,
        String locale) {

    /** An empty form: an active person with both notifications, a Member, in the page's language. */
    static NewUserForm empty(String companyId, String locale) {
        return new NewUserForm(companyId, "", "", "", "", "ACTIVE", true, true, false, null, "MEMBER", locale);
    }

    NewUserForm withoutPassword() {
        return new NewUserForm(companyId, email, firstName, lastName, userId, status, notifyInApp, notifyEmail,
                emailVerified, null, roleId, locale);
    }

    /** The person's language (mails, console): as chosen, else the administrator's. */
    NewUser toNewUser(String fallbackLocale) {
        String chosen = "fr".equals(locale) || "en".equals(locale) ? locale : fallbackLocale;
        return new NewUser(FormInput.orNull(userId), FormInput.orNull(firstName), FormInput.orNull(lastName),
                FormInput.orNull(email), "ACTIVE".equals(status) ? UserStatus.ACTIVE : UserStatus.DRAFT,
                Boolean.TRUE.equals(emailVerified), FormInput.orNull(password), chosen, Boolean.TRUE.equals(notifyInApp),
                Boolean.TRUE.equals(notifyEmail));
    }
}
