package io.roster.web;

import io.roster.shared.PageRequest;
import io.roster.shared.ProblemException;

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

    /**
     * A page of a list; a cursor that is not one of this list's (edited by hand, or of another
     * order) starts again at the first page rather than failing the page.
     */
    static PageRequest page(int size, String cursor) {
        try {
            return PageRequest.of(size, cursor);
        } catch (ProblemException notACursor) {
            return PageRequest.first(size);
        }
    }

    /** An empty field means "not given". */
    static String orNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }
}
