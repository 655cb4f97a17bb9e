/**
 * Demo data on request ({@code roster.demo-data=true}, {@code ROSTER_DEMO_DATA}): an empty
 * database is filled at start with a believable world — a partner, three client companies, their
 * people in every state, roles, workspaces, invitations — made through the other modules' public
 * services, so it carries the audit history, mails and notifications real use would. Nothing
 * depends on this module; it is only started, never called.
 */
package io.roster.demo;
