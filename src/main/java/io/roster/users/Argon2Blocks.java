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
        // The 128 longs as an 8×8 matrix of pairs: Blake2b's round P on each row, then on each
        // column; each P sees its 16 longs as a 4×4 matrix and mixes its columns, then its diagonals.
        // Written out here rather than in a round method: C2 compiles such a method on its own first
        // and then refuses to inline it ("already compiled into a big method"), which made each hash slower.
        for (int row = 0; row < LONGS; row += 16) {
            g(r, row, row + 4, row + 8, row + 12);
            g(r, row + 1, row + 5, row + 9, row + 13);
            g(r, row + 2, row + 6, row + 10, row + 14);
            g(r, row + 3, row + 7, row + 11, row + 15);
            g(r, row, row + 5, row + 10, row + 15);
            g(r, row + 1, row + 6, row + 11, row + 12);
            g(r, row + 2, row + 7, row + 8, row + 13);
            g(r, row + 3, row + 4, row + 9, row + 14);
        }
        for (int column = 0; column < 16; column += 2) {
            g(r, column, column + 32, column + 64, column + 96);
            g(r, column + 1, column + 33, column + 65, column + 97);
            g(r, column + 16, column + 48, column + 80, column + 112);
            g(r, column + 17, column + 49, column + 81, column + 113);
            g(r, column, column + 33, column + 80, column + 113);
            g(r, column + 1, column + 48, column + 81, column + 96);
            g(r, column + 16, column + 49, column + 64, column + 97);
            g(r, column + 17, column + 32, column + 65, column + 112);
        }
        for (int i = 0; i < LONGS; i++) {
            out[outAt + i] = z[i] ^ r[i];
        }
    }

    /** Blake2b's G with BlaMka's additions, on four longs held in registers between one load and one store each. */
    private static void g(long[] v, int a, int b, int c, int d) {
        long va = v[a], vb = v[b], vc = v[c], vd = v[d];
        va = mix(va, vb);
        vd = Long.rotateRight(vd ^ va, 32);
        vc = mix(vc, vd);
        vb = Long.rotateRight(vb ^ vc, 24);
        va = mix(va, vb);
        vd = Long.rotateRight(vd ^ va, 16);
        vc = mix(vc, vd);
        vb = Long.rotateRight(vb ^ vc, 63);
        v[a] = va;
        v[b] = vb;
        v[c] = vc;
        v[d] = vd;
    }

    /** BlaMka's addition: Blake2b's {@code a + b} plus twice the product of the low halves, against time-memory trade-offs. */
    private static long mix(long a, long b) {
        return a + b + 2 * (a & LOW_32) * (b & LOW_32);
    }
}
