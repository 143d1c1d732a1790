package org.adcckb.whatif;

import java.util.Locale;

/**
 * How much a question (why-not, sweep, what-if) may cost before it is refused or stopped. Each scenario's
 * own evaluation is held by {@link org.adcckb.reasoning.RunLimits}; this bounds the question as a whole,
 * which may evaluate many scenarios.
 *
 * <p>Memory is bounded through the counts: a sweep keeps one row per combination (at most
 * {@code maxCombinations}); a why-not draws its sets lazily, a few per worker in flight, and keeps only its
 * solutions (at most {@code maxSolutions}). Time is bounded by {@code maxMillis}, checked between
 * evaluations and while waiting for them.
 *
 * @param maxCombinations scenarios a sweep or why-not may evaluate, counted before any runs
 * @param maxMillis       wall-clock milliseconds for the whole question
 * @param maxSolutions    minimal solutions a why-not may keep
 */
public record Budget(long maxCombinations, long maxMillis, int maxSolutions) {

    /** A full factorial of 16 two-level factors is 65,536; why-not with every agent at --max 4 on two cells is 59,535. */
    public static final long DEFAULT_MAX_COMBINATIONS = 100_000;
    /** Well above the questions of the shipped scenarios (seconds), well below a user giving up. */
    public static final long DEFAULT_MAX_MILLIS = 60_000;
    /** More minimal solutions than anyone reads; each one is evaluated again with its explanation. */
    public static final int DEFAULT_MAX_SOLUTIONS = 1_000;

    public static final Budget DEFAULT = new Budget(DEFAULT_MAX_COMBINATIONS, DEFAULT_MAX_MILLIS, DEFAULT_MAX_SOLUTIONS);

    /** Longer than any run: beyond it {@code nanoTime} arithmetic would overflow. */
    private static final long LONGEST_MILLIS = Long.MAX_VALUE / 4 / 1_000_000L;

    public Budget {
        if (maxCombinations < 1 || maxMillis < 1 || maxSolutions < 1) {
            throw new IllegalArgumentException("every bound of a budget must be positive: " + maxCombinations
                    + ", " + maxMillis + ", " + maxSolutions);
        }
    }

    public Budget withMaxCombinations(long n) {
        return new Budget(n, maxMillis, maxSolutions);
    }

    public Budget withMaxMillis(long ms) {
        return new Budget(maxCombinations, ms, maxSolutions);
    }

    public Budget withMaxSolutions(int n) {
        return new Budget(maxCombinations, maxMillis, n);
    }

    /** Each bound the lower of this one's and {@code ceiling}'s: a request's own budget within the server's. */
    public Budget within(Budget ceiling) {
        return new Budget(Math.min(maxCombinations, ceiling.maxCombinations), Math.min(maxMillis, ceiling.maxMillis),
                Math.min(maxSolutions, ceiling.maxSolutions));
    }

    /** The time bound, counted from now. */
    public Deadline start() {
        return new Deadline(System.nanoTime() + Math.min(maxMillis, LONGEST_MILLIS) * 1_000_000L);
    }

    /** The moment a question's time runs out. */
    public record Deadline(long atNanos) {
        public boolean passed() {
            return remainingNanos() <= 0;
        }

        public long remainingNanos() {
            return atNanos - System.nanoTime();
        }
    }

    /** The number of k-subsets of n things, or {@link Long#MAX_VALUE} when it does not fit. */
    static long choose(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        java.math.BigInteger c = java.math.BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            // Exact at every step: c is then C(n, i + 1).
            c = c.multiply(java.math.BigInteger.valueOf(n - i)).divide(java.math.BigInteger.valueOf(i + 1));
        }
        return c.bitLength() < 64 ? c.longValue() : Long.MAX_VALUE;
    }

    /** {@code a + b}, staying at {@link Long#MAX_VALUE} rather than overflowing. */
    static long plus(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** {@code a * b} for non-negative numbers, staying at {@link Long#MAX_VALUE} rather than overflowing. */
    static long times(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /** 41,664: the same in every locale, so messages are the same bytes everywhere. */
    static String count(long n) {
        return n == Long.MAX_VALUE ? "more than " + String.format(Locale.ROOT, "%,d", Long.MAX_VALUE)
                : String.format(Locale.ROOT, "%,d", n);
    }
}
