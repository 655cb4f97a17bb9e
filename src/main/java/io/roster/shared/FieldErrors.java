package io.roster.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects every field error of a request, so the caller learns all it has to fix at once. */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public FieldErrors add(FieldError error) {
        errors.add(error);
        return this;
    }

    /** Adds an error when a text is longer than the column that keeps it. */
    public FieldErrors maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return this;
    }

    public FieldErrors required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : "The request has " + errors.size() + " invalid fields";
            throw new Problems.InvalidInput(detail, errors);
        }
    }
}
