package org.adcckb.whatif;

/**
 * A value that may differ between two evaluations.
 *
 * @param path      {@code outcome.adcc}, {@code outcomeRange.adcc}, {@code outcomeScore.adcc}, {@code cells.mm.cd38},
 *                  {@code cells.mm.cd38Fold}, ...
 * @param direction {@code increased}, {@code decreased} or {@code unchanged}; for a range also {@code widened}
 *                  or {@code narrowed} (one end moved each way)
 */
public record Change(String path, String from, String to, String direction) {

    public boolean changed() {
        return !"unchanged".equals(direction);
    }

    /** How a range moved: both ends up (or one up, one still), both down, or apart (widened), or together. */
    static String rangeDirection(int fromBefore, int toBefore, int fromAfter, int toAfter) {
        int lo = Integer.compare(fromAfter, fromBefore);
        int hi = Integer.compare(toAfter, toBefore);
        if (lo == 0 && hi == 0) {
            return "unchanged";
        }
        if (lo >= 0 && hi >= 0) {
            return "increased";
        }
        if (lo <= 0 && hi <= 0) {
            return "decreased";
        }
        return lo < 0 ? "widened" : "narrowed";
    }

    static String direction(double from, double to) {
        if (Math.abs(to - from) <= 1e-9 * Math.max(1, Math.abs(from))) {
            return "unchanged";
        }
        return to > from ? "increased" : "decreased";
    }
}
