package io.roster.shared;

/** One thing to fix in a request: the JSON field and a message saying what is wrong. */
public record FieldError(String field, String message) {
}
