package org.adcckb.facts;

import java.util.Comparator;
import java.util.List;

/**
 * One part of a population whose cells do not all carry the same CD38 (a scenario cell given by
 * {@code "subsets"}): {@code fraction} of the cells of {@code cell} have CD38 {@code cd38} before any
 * treatment. The subsets of a cell have distinct levels and fractions that sum to 1; the {@link Cell}
 * itself carries their mean level ({@link #meanLevel}).
 *
 * @param cell     the population's id
 * @param cd38     the subset's CD38 level before treatment: none, low, medium, high
 * @param fraction the share of the population's cells, in (0, 1]
 */
public record Cd38Subset(String cell, @Vocab(Vocab.CD38_LEVEL) String cd38, double fraction) implements Fact {

    /** By CD38 level, none first: the order subsets are kept and shown in, whatever order they were given in. */
    public static final Comparator<Cd38Subset> BY_LEVEL = Comparator.comparingInt(Cd38Subset::cd38Rank);

    /** Rank of the subset's CD38 level (0..3). */
    public int cd38Rank() {
        return Levels.cd38Rank(cd38);
    }

    /**
     * The fraction-weighted mean score of the subsets that express CD38, on {@code scale}, over the
     * expressing fraction only: a {@code none} subset has no score, so it adds nothing to the mean and
     * does not dilute it. Null when every subset is {@code none}. Rounded to 9 decimals, so that
     * floating-point noise never moves a mean across a band's edge.
     */
    public static Double meanScore(List<Cd38Subset> subsets, Cd38Scale scale) {
        double weighted = 0;
        double expressing = 0;
        for (Cd38Subset s : subsets.stream().sorted(BY_LEVEL).toList()) {
            if (!"none".equals(s.cd38())) {
                weighted += s.fraction() * scale.scoreOf(s.cd38());
                expressing += s.fraction();
            }
        }
        return expressing == 0 ? null : Math.round(weighted / expressing * 1e9) / 1e9;
    }

    /** The level of {@link #meanScore}: {@code none} when every subset is {@code none}. */
    public static String meanLevel(List<Cd38Subset> subsets, Cd38Scale scale) {
        Double mean = meanScore(subsets, scale);
        return mean == null ? "none" : scale.levelOf(mean);
    }

    /** Subsets for people, in order of level: {@code 40% low, 60% high}; empty for none. */
    public static String mix(List<Cd38Subset> subsets) {
        return subsets == null ? "" : String.join(", ", subsets.stream().sorted(BY_LEVEL).map(Cd38Subset::toString).toList());
    }

    /** The fraction as a percentage for people: {@code 60%}, {@code 33.3%}. */
    private String percent() {
        double p = Math.round(fraction * 1000.0) / 10.0;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    @Override
    public String key() {
        return "subset:" + cell + ":" + cd38;
    }

    @Override
    public String describe() {
        return percent() + " of the cells of " + cell + " have " + cd38 + " CD38";
    }

    @Override
    public boolean isInput() {
        return true;
    }

    /** {@code 60% high}: how a cell's data in the JSON explanation lists its subsets. */
    @Override
    public String toString() {
        return percent() + " " + cd38;
    }
}
