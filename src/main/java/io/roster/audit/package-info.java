/**
 * The audit log (docs/rules.md §12): who — and whether as partner staff or as the platform operator — did
 * what, when, before → after, from which client address and in which request, per company and per
 * partner space. Append-only.
 *
 * <p>The module only listens: synchronous listeners write each entry in the transaction of the
 * change, so a rolled-back change leaves no entry and a change never commits without one. No
 * domain module depends on it; the adapters ({@code api}, {@code web}) read it through
 * {@link io.roster.audit.AuditLog}, after authorizing the caller. Events carry what an entry needs,
 * and never a password, a token or a hash of either.
 */
package io.roster.audit;
