package io.roster.users;

import io.roster.shared.EmailAddress;
import io.roster.shared.FieldError;
import io.roster.shared.FieldErrors;
import io.roster.shared.Problems;
import java.util.List;

/**
 * Which fields of a row may change, and when. A DRAFT is free text (it is only checked at
 * activation); once the account exists the userId is claimed for good, and names and email form
 * the person's profile, so they must stay valid.
 */
final class EditPolicy {

    private EditPolicy() {
    }

    static UserRow apply(UserRow row, UserEdit edit) {
        if (row.accountExists() && edit.userId() != null && !edit.userId().trim().equals(row.userId())) {
            throw new Problems.Unprocessable("userId cannot change once the account exists",
                    List.of(new FieldError("userId", "is immutable once the account exists", "USER_ID_IMMUTABLE", List.of())));
        }
        String userId = pick(edit.userId(), row.userId());
        String firstName = pick(edit.firstName(), row.firstName());
        String lastName = pick(edit.lastName(), row.lastName());
        String email = pick(edit.email(), row.email());
        if (row.accountExists()) {
            // coded, so the console words each in the reader's language; the API keeps these words beside the code
            FieldErrors errors = new FieldErrors();
            if (firstName == null || firstName.isBlank()) {
                errors.add(new FieldError("firstName", "is required", ValidationCode.FIRST_NAME_MISSING.name(), List.of()));
            }
            if (lastName == null || lastName.isBlank()) {
                errors.add(new FieldError("lastName", "is required", ValidationCode.LAST_NAME_MISSING.name(), List.of()));
            }
            if (!EmailAddress.isValid(email)) {
                errors.add(new FieldError("email", "is not a valid email address", ValidationCode.EMAIL_INVALID.name(), List.of()));
            }
            errors.throwIfAny();
        }
        return new UserRow(row.id(), row.homeCompanyId(), userId, firstName, lastName, email, row.status(),
                row.external(), row.validationResult(), row.emailVerified(), row.locale(), row.notifyInApp(),
                row.notifyEmail(), row.hasPassword(), row.version(), row.createdAt(), row.updatedAt());
    }

    static UserEdit editableOf(UserRow row) {
        return new UserEdit(row.userId(), row.firstName(), row.lastName(), row.email());
    }

    private static String pick(String edited, String current) {
        return edited == null ? current : edited.trim();
    }
}
