package io.roster.licensing;

/**
 * Why a seat could not be taken: every license is in use, {@code used} of {@code purchased}. A
 * fact, not words: whoever shows it words it in the reader's language (the users module as its
 * {@code NO_LICENSE} validation code).
 */
public record SeatRefusal(int used, int purchased) {
}
