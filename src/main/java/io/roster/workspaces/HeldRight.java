package io.roster.workspaces;

/** A right held on one workspace, as a user profile lists it. */
public record HeldRight(String workspaceId, String workspaceName, WorkspaceRight right) {
}
