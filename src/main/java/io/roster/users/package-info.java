/**
 * Accounts and the rows of a company's Users table: the DRAFT → ACTIVE ⇄ INACTIVE lifecycle, its
 * policies (activation, deletion, edits) and the credentials sign-in checks. The links of accounts
 * to companies ({@link io.roster.users.CompanyLinks}) are kept here too, written by the modules
 * that grant roles and workspace rights, so the Users table and standing read only this module's
 * tables.
 */
package io.roster.users;
