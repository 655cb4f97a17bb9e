/**
 * Workspaces (docs/rules.md §8): each belongs for good to the company it was created in; its members hold
 * one right each ({@code ADMIN}, {@code WRITE}, {@code READ}) and it always keeps an ADMIN. A right
 * links an outside account to the company, which then lists it as External in its Users table.
 * Rights go only to people already in that table; inviting new people by email is not done here.
 *
 * <p>The adapters authorize at the entry of every operation through
 * {@link io.roster.workspaces.WorkspaceGuard} and pass the {@link io.roster.workspaces.WorkspaceAccess}
 * (or {@code CompanyAccess}) it returns; {@link io.roster.workspaces.Workspaces} and
 * {@link io.roster.workspaces.WorkspaceMembers} never decide access themselves. They publish the
 * past-tense events of {@link io.roster.workspaces.WorkspaceEvents}.
 */
package io.roster.workspaces;
