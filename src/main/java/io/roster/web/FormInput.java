package io.roster.web;

/** Reading what people type into console forms. */
final class FormInput {

    private FormInput() {
    }

    /** A whole number as typed (spaces around it allowed), or null when it is not one. */
    static Integer number(String typed) {
        if (typed == null || !typed.trim().matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(typed.trim());
    }

    /** An empty field means "not given". */
    static String orNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }
}
