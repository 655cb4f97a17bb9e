/**
 * Roster as an OpenID Connect provider: the product's apps sign people in through Roster, company
 * by company, with Spring Security's authorization server (discovery, JWKS, authorization code with
 * PKCE, rotated refresh tokens, userinfo, revocation, introspection, RP-initiated logout). Owns the
 * registered clients, the authorizations, the consents, the signing keys and the record of which
 * company each authorization signed its person in to. Reads standing, roles and identities through
 * the access, users and tenancy APIs; listens to their events to end authorizations at once.
 */
package io.roster.oidc;
