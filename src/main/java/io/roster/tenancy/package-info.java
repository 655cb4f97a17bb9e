/**
 * Partners and companies: the tenants. A company's workspaces and users hang off it; a partner
 * space manages several attached companies.
 */
package io.roster.tenancy;
