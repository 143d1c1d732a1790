package org.adcckb.facts;

/**
 * The log2 score that CD38 levels stand on, as the knowledge base declares it ({@code cd38Scale} in
 * vocabulary.json; docs/LITERATURE.md, "The CD38 log2 scale", by default). A CD38-expressing cell has a score; {@code low} is below
 * {@code mediumFrom}, {@code high} from {@code highFrom}; a level given in a scenario stands for the score
 * {@code lowAt}, {@code mediumAt} or {@code highAt}. Rules receive it as a fact, so modulation arithmetic
 * follows the declared scale.
 */
public record Cd38Scale(double mediumFrom, double highFrom, double lowAt, double mediumAt, double highAt) implements Fact {

    /** docs/LITERATURE.md, "The CD38 log2 scale": bands [0, 1.5), [1.5, 3), [3, ...), each level at the middle of its band (about 2.8-fold a step). */
    public static final Cd38Scale DEFAULT = new Cd38Scale(1.5, 3.0, 0.75, 2.25, 3.75);

    public Cd38Scale {
        if (!(lowAt < mediumFrom && mediumFrom <= mediumAt && mediumAt < highFrom && highFrom <= highAt)) {
            throw new IllegalArgumentException("the CD38 scale must satisfy lowAt < mediumFrom <= mediumAt < highFrom <= highAt");
        }
    }

    /** The score a scenario's level stands for. */
    public double scoreOf(String level) {
        return switch (level) {
            case "low" -> lowAt;
            case "medium" -> mediumAt;
            case "high" -> highAt;
            default -> throw new IllegalArgumentException("no CD38 score for level '" + level + "'");
        };
    }

    /**
     * The level of a CD38-expressing cell with score {@code s}. A down-regulated cell bottoms out at low:
     * a qualitative fold cannot tell "less CD38" from "no CD38", which only a knockout or a negative cell has.
     */
    public String levelOf(double s) {
        if (s >= highFrom) {
            return "high";
        }
        return s >= mediumFrom ? "medium" : "low";
    }

    @Override
    public String key() {
        return "scale:cd38";
    }

    @Override
    public String describe() {
        return "CD38 levels on a log2 score: low below " + mediumFrom + ", high from " + highFrom
                + "; a given level stands for " + lowAt + ", " + mediumAt + " or " + highAt;
    }

    @Override
    public boolean isInput() {
        return true;
    }
}
