package io.roster.workspaces;

/** The right a member holds on a workspace. Only ADMIN manages its members. */
public enum WorkspaceRight {
    ADMIN, WRITE, READ
}
