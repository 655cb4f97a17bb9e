/**
 * Single-use links mailed to people: account setup after activation, password reset, email
 * confirmation, and (with workspaces) joining a workspace. Tokens are 256-bit, kept only as hashes,
 * expiring, replaced on resend and revocable.
 */
package io.roster.invitations;
