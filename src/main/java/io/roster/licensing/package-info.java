/**
 * The license pool of each company and the seat invariant {@code licensesUsed <= licensesPurchased}
 * (Plan &amp; billing).
 */
package io.roster.licensing;
