package io.roster.audit;

/**
 * In what capacity an actor acted: a person of the company (or its external user), partner staff
 * acting through a partner role, the platform operator, the system itself (no request, e.g. a
 * scheduled job), or an unauthenticated request (e.g. a failed sign-in).
 */
public enum ActorKind {
    USER, PARTNER_STAFF, OPERATOR, SYSTEM, ANONYMOUS
}
