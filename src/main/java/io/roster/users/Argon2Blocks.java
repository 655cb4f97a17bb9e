package io.roster.users;

/**
 * Argon2's compression function G (RFC 9106 §3.5) over 1 KiB blocks stored as 128 longs in flat
 * arrays. It takes offsets rather than block objects so that all of a hash's memory can live in
 * one {@code long[]} and the inner loop allocates nothing.
 */
final class Argon2Blocks {

    static final int LONGS = 128;

    private static final long LOW_32 = 0xFFFFFFFFL;

    private Argon2Blocks() {
    }

    /**
     * {@code out := G(x, y)}, or {@code out := out ⊕ G(x, y)} when {@code xorIntoOut} (passes after the
     * first, version 1.3). {@code out} may be the same block as {@code y}: both inputs are read before
     * it is written. {@code r} and {@code z} are 128-long scratch arrays.
     */
    static void compress(long[] x, int xAt, long[] y, int yAt, long[] out, int outAt, boolean xorIntoOut,
            long[] r, long[] z) {
        for (int i = 0; i < LONGS; i++) {
            long v = x[xAt + i] ^ y[yAt + i];
            r[i] = v;
            z[i] = xorIntoOut ? v ^ out[outAt + i] : v;
        }
        for (int row = 0; row < LONGS; row += 16) {
            round(r, row, row + 1, row + 2, row + 3, row + 4, row + 5, row + 6, row + 7,
                    row + 8, row + 9, row + 10, row + 11, row + 12, row + 13, row + 14, row + 15);
        }
        for (int column = 0; column < 16; column += 2) {
            round(r, column, column + 1, column + 16, column + 17, column + 32, column + 33, column + 48,
                    column + 49, column + 64, column + 65, column + 80, column + 81, column + 96, column + 97,
                    column + 112, column + 113);
        }
        for (int i = 0; i < LONGS; i++) {
            out[outAt + i] = z[i] ^ r[i];
        }
    }

    /** The BlaMka variant of Blake2b's round on 16 of the block's longs, kept in locals. */
    private static void round(long[] v, int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7,
            int i8, int i9, int i10, int i11, int i12, int i13, int i14, int i15) {
        long v0 = v[i0], v1 = v[i1], v2 = v[i2], v3 = v[i3], v4 = v[i4], v5 = v[i5], v6 = v[i6], v7 = v[i7];
        long v8 = v[i8], v9 = v[i9], v10 = v[i10], v11 = v[i11], v12 = v[i12], v13 = v[i13], v14 = v[i14];
        long v15 = v[i15];
        // G on the columns of the 4×4 matrix ...
        v0 = mix(v0, v4); v12 = Long.rotateRight(v12 ^ v0, 32); v8 = mix(v8, v12); v4 = Long.rotateRight(v4 ^ v8, 24);
        v0 = mix(v0, v4); v12 = Long.rotateRight(v12 ^ v0, 16); v8 = mix(v8, v12); v4 = Long.rotateRight(v4 ^ v8, 63);
        v1 = mix(v1, v5); v13 = Long.rotateRight(v13 ^ v1, 32); v9 = mix(v9, v13); v5 = Long.rotateRight(v5 ^ v9, 24);
        v1 = mix(v1, v5); v13 = Long.rotateRight(v13 ^ v1, 16); v9 = mix(v9, v13); v5 = Long.rotateRight(v5 ^ v9, 63);
        v2 = mix(v2, v6); v14 = Long.rotateRight(v14 ^ v2, 32); v10 = mix(v10, v14); v6 = Long.rotateRight(v6 ^ v10, 24);
        v2 = mix(v2, v6); v14 = Long.rotateRight(v14 ^ v2, 16); v10 = mix(v10, v14); v6 = Long.rotateRight(v6 ^ v10, 63);
        v3 = mix(v3, v7); v15 = Long.rotateRight(v15 ^ v3, 32); v11 = mix(v11, v15); v7 = Long.rotateRight(v7 ^ v11, 24);
        v3 = mix(v3, v7); v15 = Long.rotateRight(v15 ^ v3, 16); v11 = mix(v11, v15); v7 = Long.rotateRight(v7 ^ v11, 63);
        // ... then on its diagonals
        v0 = mix(v0, v5); v15 = Long.rotateRight(v15 ^ v0, 32); v10 = mix(v10, v15); v5 = Long.rotateRight(v5 ^ v10, 24);
        v0 = mix(v0, v5); v15 = Long.rotateRight(v15 ^ v0, 16); v10 = mix(v10, v15); v5 = Long.rotateRight(v5 ^ v10, 63);
        v1 = mix(v1, v6); v12 = Long.rotateRight(v12 ^ v1, 32); v11 = mix(v11, v12); v6 = Long.rotateRight(v6 ^ v11, 24);
        v1 = mix(v1, v6); v12 = Long.rotateRight(v12 ^ v1, 16); v11 = mix(v11, v12); v6 = Long.rotateRight(v6 ^ v11, 63);
        v2 = mix(v2, v7); v13 = Long.rotateRight(v13 ^ v2, 32); v8 = mix(v8, v13); v7 = Long.rotateRight(v7 ^ v8, 24);
        v2 = mix(v2, v7); v13 = Long.rotateRight(v13 ^ v2, 16); v8 = mix(v8, v13); v7 = Long.rotateRight(v7 ^ v8, 63);
        v3 = mix(v3, v4); v14 = Long.rotateRight(v14 ^ v3, 32); v9 = mix(v9, v14); v4 = Long.rotateRight(v4 ^ v9, 24);
        v3 = mix(v3, v4); v14 = Long.rotateRight(v14 ^ v3, 16); v9 = mix(v9, v14); v4 = Long.rotateRight(v4 ^ v9, 63);
        v[i0] = v0; v[i1] = v1; v[i2] = v2; v[i3] = v3; v[i4] = v4; v[i5] = v5; v[i6] = v6; v[i7] = v7;
        v[i8] = v8; v[i9] = v9; v[i10] = v10; v[i11] = v11; v[i12] = v12; v[i13] = v13; v[i14] = v14; v[i15] = v15;
    }

    /** BlaMka's addition: Blake2b's {@code a + b} plus twice the product of the low halves, against time-memory trade-offs. */
    private static long mix(long a, long b) {
        return a + b + 2 * (a & LOW_32) * (b & LOW_32);
    }
}
