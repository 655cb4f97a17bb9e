package io.roster.bench;

import java.util.Arrays;

/** Latencies of one measured run and what they add up to. */
record Stats(String name, int clients, long ops, long errors, double seconds, long[] nanos, String firstError) {

    double throughput() {
        return seconds <= 0 ? 0 : ops / seconds;
    }

    double percentileMs(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    double medianMs() {
        return percentileMs(50);
    }

    double p95Ms() {
        return percentileMs(95);
    }

    double p99Ms() {
        return percentileMs(99);
    }

    /** The latencies of the last {@code share} of the operations (e.g. the deepest cursor pages). */
    Stats tail(String tailName, double share) {
        int from = (int) Math.floor(nanos.length * (1 - share));
        long[] tail = Arrays.copyOfRange(nanos, from, nanos.length);
        double tailSeconds = seconds * tail.length / Math.max(1, nanos.length);
        return new Stats(tailName, clients, tail.length, 0, tailSeconds, tail, null);
    }
}
