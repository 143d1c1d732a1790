package org.adcckb.facts;

/**
 * A cell population of the scenario, as given: its CD38 before any treatment.
 *
 * @param id           the scenario's name for the population
 * @param type         {@code myeloma} or {@code nk}
 * @param cd38         surface CD38 before treatment: none, low, medium, high
 * @param cd16         FcgRIIIa of an NK population: none, 158F, 158V ({@code none} for myeloma)
 * @param cd38Knockout a genetic knockout, CD38-negative whatever is added
 * @param line         free text, the cell line or source
 */
public record Cell(String id, @Vocab(Vocab.CELL_TYPE) String type, @Vocab(Vocab.CD38_LEVEL) String cd38, @Vocab(Vocab.CD16) String cd16, boolean cd38Knockout, String line)
        implements Fact {

    /** Rank of the baseline CD38 level (0..3). */
    public int cd38Rank() {
        return Levels.cd38Rank(cd38);
    }

    /** Whether the population has CD38 that a treatment can scale: not knocked out, not negative. */
    public boolean cd38Expressed() {
        return !cd38Knockout && !"none".equals(cd38);
    }

    @Override
    public String key() {
        return "cell:" + id;
    }

    @Override
    public String describe() {
        return describe(type + " cells", !"none".equals(cd16));
    }

    /** With the vocabulary's name for the type, and CD16 shown for types that carry it. */
    public String describe(String label, boolean showCd16) {
        StringBuilder s = new StringBuilder(id).append(": ").append(label);
        if (line != null && !line.isBlank()) {
            s.append(" (").append(line).append(')');
        }
        s.append(", CD38 ").append(cd38Knockout ? "knocked out" : cd38);
        if (showCd16) {
            s.append(", CD16 ").append(cd16);
        }
        return s.toString();
    }

    @Override
    public boolean isInput() {
        return true;
    }
}
