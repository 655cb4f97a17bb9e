package io.roster.demo;

import io.roster.access.Guard;
import io.roster.access.PartnerStaff;
import io.roster.access.RoleAssignments;
import io.roster.access.RoleGrants;
import io.roster.access.Roles;
import io.roster.access.UserCreation;
import io.roster.invitations.WorkspaceInvitations;
import io.roster.tenancy.Tenancy;
import io.roster.users.Accounts;
import io.roster.users.OperatorAccounts;
import io.roster.users.UserLifecycle;
import io.roster.workspaces.WorkspaceGuard;
import io.roster.workspaces.WorkspaceMembers;
import io.roster.workspaces.Workspaces;
import org.springframework.stereotype.Component;

/**
 * The product services the demo fills the database through: the same ones the API and console call,
 * and the same guards they authorize with at their entry (the demo plays an adapter at start).
 */
@Component
record DemoServices(Accounts accounts, OperatorAccounts operators, Tenancy tenancy, Guard guard, PartnerStaff staff, UserCreation creation,
        UserLifecycle lifecycle, Roles roles, RoleGrants grants, RoleAssignments assignments, Workspaces workspaces,
        WorkspaceGuard workspaceGuard, WorkspaceMembers members, WorkspaceInvitations invitations) {
}
