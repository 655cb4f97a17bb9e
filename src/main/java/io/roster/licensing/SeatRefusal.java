package io.roster.licensing;

/**
 * Why a seat could not be taken: every license is in use. The message is the one people read in
 * the Users table's validation result.
 */
public record SeatRefusal(int used, int purchased) {

    public String message() {
        return "No license available: " + used + " of " + purchased + " in use. Add licenses in Plan & billing.";
    }
}
