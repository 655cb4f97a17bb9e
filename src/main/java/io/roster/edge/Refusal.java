package io.roster.edge;

/** Why a request is refused before any module sees it: the status, the part of the request, what is wrong. */
record Refusal(int status, String field, String message) {

    static Refusal badRequest(String field, String message) {
        return new Refusal(400, field, message);
    }

    static Refusal unsupportedMediaType(String message) {
        return new Refusal(415, "Content-Type", message);
    }
}
