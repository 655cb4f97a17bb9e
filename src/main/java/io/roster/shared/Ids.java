package io.roster.shared;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Generates opaque ids: UUIDv7 strings. Time-ordered ids keep B-tree inserts at the right edge of
 * the index, which matters when loading 100,000 users; the random tail keeps them unguessable
 * enough for an id (ids are never secrets: authorization guards every lookup).
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextLong();
        long randB = RANDOM.nextLong();
        long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
