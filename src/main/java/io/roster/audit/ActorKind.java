package io.roster.audit;

/**
 * In what capacity an actor acted: a person of the company (or its external user), partner staff
 * acting through a partner role, the platform operator, the system itself (no request, e.g. a
 * scheduled job), an unauthenticated request (e.g. a failed sign-in), or a company's directory
 * provisioning through SCIM (its token, no person).
 */
public enum ActorKind {
    USER, PARTNER_STAFF, OPERATOR, SYSTEM, ANONYMOUS, SCIM
}
