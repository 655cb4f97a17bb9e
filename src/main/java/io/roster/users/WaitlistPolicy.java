package io.roster.users;

import io.roster.licensing.LicensePool;
import java.util.Optional;

/**
 * When an activation waits for a seat instead of taking one (docs/rules.md, "Seat waitlist"): when
 * no seat is free, and also when one is but others wait already — a freed seat goes to the head of
 * the queue, never to whoever asks last. A row already waiting keeps its place.
 */
final class WaitlistPolicy {

    private WaitlistPolicy() {
    }

    static boolean mustWait(LicensePool.Usage usage, int waiting, Optional<WaitlistEntry> own) {
        return own.isPresent() || waiting > 0 || !seatFree(usage);
    }

    static boolean seatFree(LicensePool.Usage usage) {
        return usage.used() < usage.purchased();
    }
}
