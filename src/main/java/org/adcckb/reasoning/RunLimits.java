package org.adcckb.reasoning;

/**
 * How far one scenario's evaluation may go before it is stopped: a number of rule firings (a rule set
 * that does not settle) and a wall-clock time (a rule whose consequence or condition never returns).
 * Both stop that scenario only, with an error naming the rules involved.
 *
 * @param maxFirings rule firings per scenario
 * @param maxMillis  milliseconds per scenario, from its first fact inserted to its last rule fired
 */
public record RunLimits(int maxFirings, long maxMillis) {

    public static final int DEFAULT_MAX_FIRINGS = 100_000;
    /** Far above any scenario's evaluation (well under a millisecond warm, tens of milliseconds cold). */
    public static final long DEFAULT_MAX_MILLIS = 10_000;

    public static final RunLimits DEFAULT = new RunLimits(DEFAULT_MAX_FIRINGS, DEFAULT_MAX_MILLIS);

    public RunLimits {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be positive");
        }
        if (maxMillis < 1) {
            throw new IllegalArgumentException("maxMillis must be positive");
        }
    }

    public RunLimits withMaxFirings(int n) {
        return new RunLimits(n, maxMillis);
    }

    public RunLimits withMaxMillis(long ms) {
        return new RunLimits(maxFirings, ms);
    }
}
