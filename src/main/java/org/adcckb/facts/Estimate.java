package org.adcckb.facts;

import java.util.Locale;

/**
 * A quantity on the log2 scale of the model, with the range the knowledge allows for it: {@code at} is the
 * model's point value, {@code from} and {@code to} the lowest and highest values the declared uncertainties
 * (folds whose size is assumed, weights the sources do not give, unknown effects) allow. Negative infinity
 * stands for "nothing": no CD38, no antibody load, no effect.
 *
 * <p>Every operation is monotone in each argument, so the range of a result is the result of the ranges'
 * ends: interval arithmetic, exact for the sums, minima and non-negative products the model uses.
 */
public record Estimate(double at, double from, double to) {

    public static final double NOTHING = Double.NEGATIVE_INFINITY;

    /** Nothing, with no doubt about it. */
    public static final Estimate NONE = new Estimate(NOTHING, NOTHING, NOTHING);

    /** Zero, with no doubt about it: the neutral element of {@link #plus}. */
    public static final Estimate ZERO = new Estimate(0, 0, 0);

    public Estimate {
        if (Double.isNaN(at) || Double.isNaN(from) || Double.isNaN(to) || !(from <= at && at <= to)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an estimate needs from <= at <= to, got %s <= %s <= %s", from, at, to));
        }
    }

    /** A value known exactly. */
    public static Estimate exactly(double v) {
        return new Estimate(v, v, v);
    }

    /** A value with its range. */
    public static Estimate of(double at, double from, double to) {
        return new Estimate(at, from, to);
    }

    /** A fold with its range, on the log2 scale. */
    public static Estimate fold(double at, double from, double to) {
        return new Estimate(log2(at), log2(from), log2(to));
    }

    public static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Whether the point value is something (not nothing). */
    public boolean present() {
        return at != NOTHING;
    }

    /** Whether the range allows something: a conclusion that may hold, even where the point says it does not. */
    public boolean possible() {
        return to != NOTHING;
    }

    /** Whether the range is a single value. */
    public boolean exact() {
        return from == to;
    }

    public Estimate plus(Estimate o) {
        return new Estimate(at + o.at, from + o.from, to + o.to);
    }

    public Estimate minus(Estimate o) {
        // Subtracting the other's highest value gives the lowest result, and the other way round.
        return new Estimate(sub(at, o.at), sub(from, o.to), sub(to, o.from));
    }

    private static double sub(double a, double b) {
        return a == NOTHING ? NOTHING : a - b;
    }

    public Estimate min(Estimate o) {
        return new Estimate(Math.min(at, o.at), Math.min(from, o.from), Math.min(to, o.to));
    }

    public Estimate max(Estimate o) {
        return new Estimate(Math.max(at, o.at), Math.max(from, o.from), Math.max(to, o.to));
    }

    /** Floored at zero: the part of a quantity that counts as a cost, nothing counting as none. */
    public Estimate positive() {
        return new Estimate(Math.max(0, at), Math.max(0, from), Math.max(0, to));
    }

    /** The product of two non-negative estimates (a weight times a cost). */
    public Estimate times(Estimate o) {
        if (from < 0 || o.from < 0) {
            throw new IllegalArgumentException("times is defined on non-negative estimates");
        }
        return new Estimate(at * o.at, from * o.from, to * o.to);
    }

    /** The hull of two estimates whose point is this one's: the range widened to take in the other's. */
    public Estimate widenedBy(Estimate o) {
        return new Estimate(at, Math.min(from, o.from), Math.max(to, o.to));
    }

    /** "2.25 (1.50 to 3.00)", or "2.25" when exact; "none" for nothing. */
    @Override
    public String toString() {
        return exact() ? num(at) : num(at) + " (" + num(from) + " to " + num(to) + ")";
    }

    private static String num(double v) {
        return v == NOTHING ? "none" : String.format(Locale.ROOT, "%.2f", v);
    }
}
