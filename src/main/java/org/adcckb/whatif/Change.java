package org.adcckb.whatif;

/**
 * A value that may differ between two evaluations.
 *
 * @param path      {@code outcome.adcc}, {@code cells.mm.cd38}, {@code cells.mm.cd38Fold}, ...
 * @param direction {@code increased}, {@code decreased} or {@code unchanged}
 */
public record Change(String path, String from, String to, String direction) {

    public boolean changed() {
        return !"unchanged".equals(direction);
    }

    static String direction(double from, double to) {
        if (Math.abs(to - from) <= 1e-9 * Math.max(1, Math.abs(from))) {
            return "unchanged";
        }
        return to > from ? "increased" : "decreased";
    }
}
