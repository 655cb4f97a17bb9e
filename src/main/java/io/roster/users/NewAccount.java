package io.roster.users;

import io.roster.shared.CompanyId;
import io.roster.shared.EmailAddress;

/**
 * An account as {@link AccountRows} first writes it, every column decided: a row of a company's
 * Users table (typed, or imported), the platform operator, or a partner staff or self-managed
 * account. Whatever is announced about the creation is read off this record, so the events say
 * what was saved.
 */
record NewAccount(String id, String homeCompanyId, String homePartnerId, boolean operator, String userId,
        String firstName, String lastName, String email, UserStatus status, ValidationResult validationResult,
        boolean emailVerified, String passwordHash, String locale, boolean notifyInApp, boolean notifyEmail,
        boolean localeChosen) {

    /** The platform's language for an account created without one, until the person's first sign-in. */
    static final String DEFAULT_LOCALE = "en";

    /** A language given (en or fr) is the creator's choice; none means the default, not yet chosen. */
    NewAccount(String id, String homeCompanyId, String homePartnerId, boolean operator, String userId,
            String firstName, String lastName, String email, UserStatus status, ValidationResult validationResult,
            boolean emailVerified, String passwordHash, String locale, boolean notifyInApp, boolean notifyEmail) {
        this(id, homeCompanyId, homePartnerId, operator, userId, firstName, lastName, email, status, validationResult,
                emailVerified, passwordHash, locale == null ? DEFAULT_LOCALE : locale, notifyInApp, notifyEmail,
                locale != null);
    }

    /**
     * A row of the company's Users table, as typed (a DRAFT, activated afterwards) or imported
     * (written straight in the status it settled on).
     */
    static NewAccount inCompany(String id, CompanyId company, NewUser user, UserStatus status, ValidationResult validationResult,
            String passwordHash) {
        return new NewAccount(id, company.value(), null, false, user.userId(), user.firstName(), user.lastName(),
                user.email(), status, validationResult, user.emailVerified(), passwordHash, user.locale(),
                user.notifyInApp(), user.notifyEmail());
    }

    /** The platform operator: ACTIVE at once, its email verified. */
    static NewAccount operator(String id, String userId, String firstName, String lastName, EmailAddress email,
            String passwordHash, String locale) {
        return new NewAccount(id, null, null, true, userId, firstName, lastName, email.value(), UserStatus.ACTIVE,
                ValidationResult.OK, true, passwordHash, locale, true, true);
    }

    /** A partner staff account ({@code partnerId}) or a self-managed one (null): ACTIVE at once. */
    static NewAccount staff(String id, String partnerId, String userId, String firstName, String lastName, String email,
            boolean emailVerified, String passwordHash, String locale) {
        return new NewAccount(id, null, partnerId, false, userId, firstName, lastName, email, UserStatus.ACTIVE,
                ValidationResult.OK, emailVerified, passwordHash, locale, true, true);
    }

    /** Once past DRAFT the account exists and claims its userId and email (the unique keys). */
    boolean claimsKeys() {
        return status != UserStatus.DRAFT;
    }

    /** The UserCreated of a Users-table row: what was saved, before any activation. */
    UserEvents.UserCreated created() {
        return new UserEvents.UserCreated(new CompanyId(homeCompanyId), id, userId, firstName, lastName, email,
                emailVerified, locale, passwordHash != null);
    }

    /** The UserActivated of a Users-table row saved ACTIVE: its first activation. */
    UserEvents.UserActivated activated() {
        return new UserEvents.UserActivated(new CompanyId(homeCompanyId), id, userId, true,
                ActivationPolicy.invitationNeeded(passwordHash != null, emailVerified));
    }

    /** The UserActivationRefused of a Users-table row that asked to be ACTIVE and was saved DRAFT. */
    UserEvents.UserActivationRefused activationRefused() {
        return new UserEvents.UserActivationRefused(new CompanyId(homeCompanyId), id, validationResult, userId, status);
    }
}
