package org.adcckb.facts;

import java.util.List;

/**
 * A cell population of the scenario, as given: its CD38 before any treatment.
 *
 * <p>A population whose cells do not all carry the same CD38 is given by its {@code subsets}: each a CD38
 * level and the fraction of the cells that have it, kept in order of level ({@code none} first) whatever
 * order they were given in, and also inserted as {@link Cd38Subset} facts. Its {@code cd38} is then the
 * level of the subsets' fraction-weighted mean score over the cells that express CD38
 * ({@link Cd38Subset#meanLevel}), {@code none} when no subset does.
 *
 * @param id           the scenario's name for the population
 * @param type         {@code myeloma} or {@code nk}
 * @param cd38         surface CD38 before treatment: none, low, medium, high (for a population given by
 *                     subsets, the level of their mean)
 * @param cd16         FcgRIIIa of an NK population: none, 158F, 158V ({@code none} for myeloma)
 * @param cd38Knockout a genetic knockout, CD38-negative whatever is added
 * @param line         free text, the cell line or source
 * @param subsets      the CD38 subsets of a population given by them, in order of level; null for a
 *                     population given by one level (see {@link #heterogeneous()})
 */
public record Cell(String id, @Vocab(Vocab.CELL_TYPE) String type, @Vocab(Vocab.CD38_LEVEL) String cd38, @Vocab(Vocab.CD16) String cd16,
                   boolean cd38Knockout, String line, List<Cd38Subset> subsets)
        implements Fact {

    public Cell {
        if (subsets != null) {
            if (subsets.isEmpty()) {
                throw new IllegalArgumentException("a population given by subsets needs at least one");
            }
            for (Cd38Subset s : subsets) {
                if (!s.cell().equals(id)) {
                    throw new IllegalArgumentException("subset " + s.key() + " is not of cell " + id);
                }
            }
            subsets = subsets.stream().sorted(Cd38Subset.BY_LEVEL).toList();
        }
    }

    /** A population with one CD38 level. */
    public Cell(String id, String type, String cd38, String cd16, boolean cd38Knockout, String line) {
        this(id, type, cd38, cd16, cd38Knockout, line, null);
    }

    /** Whether the population was given by CD38 subsets rather than by one level; rules match {@code Cell( heterogeneous )}. */
    public boolean heterogeneous() {
        return subsets != null;
    }

    /** The same population with one CD38 level and no subsets. */
    public Cell withCd38(String level) {
        return new Cell(id, type, level, cd16, cd38Knockout, line, null);
    }

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
        s.append(", CD38 ");
        if (cd38Knockout) {
            s.append("knocked out");
        } else if (heterogeneous()) {
            s.append("mixed: ").append(Cd38Subset.mix(subsets)).append(" (mean ").append(cd38).append(')');
        } else {
            s.append(cd38);
        }
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
