package io.roster.users;

/**
 * A change to a row's editable fields; a {@code null} field is left as it is. {@code userId} can only
 * change while the row is a DRAFT (it is claimed for good at activation).
 */
public record UserEdit(String userId, String firstName, String lastName, String email) {
}
