/**
 * Accounts and the rows of a company's Users table: the DRAFT → ACTIVE ⇄ INACTIVE lifecycle, its
 * policies (activation, deletion, edits) and the credentials sign-in checks.
 */
package io.roster.users;
