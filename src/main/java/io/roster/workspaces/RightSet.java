package io.roster.workspaces;

/** The outcome of setting a right: the member as it now stands, and whether it was newly added. */
public record RightSet(Member member, boolean added) {
}
