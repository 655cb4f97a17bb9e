/**
 * Workspaces (docs/rules.md §8): each belongs for good to the company it was created in; its members hold
 * one right each ({@code ADMIN}, {@code WRITE}, {@code READ}) and it always keeps an ADMIN. A right
 * links an outside account to the company, which then lists it as External in its Users table.
 * Rights go only to people already in that table; inviting new people by email is not done here.
 *
 * <p>{@link io.roster.workspaces.Workspaces} is the module's entry: it authorizes every operation
 * and publishes the past-tense events of {@link io.roster.workspaces.WorkspaceEvents}.
 */
package io.roster.workspaces;
