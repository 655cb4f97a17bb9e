package io.roster.users;

/** Status of a Users-table row. Only ACTIVE rows can sign in and use a license. */
public enum UserStatus {
    DRAFT, ACTIVE, INACTIVE
}
