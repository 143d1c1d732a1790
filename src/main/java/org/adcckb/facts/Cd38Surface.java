package org.adcckb.facts;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Surface CD38 of a population after every modulation it received.
 *
 * @param cell     the population
 * @param baseline the level the scenario gave
 * @param level    the level after modulation
 * @param fold     the fold change applied, 1.0 when none (and for cells without CD38 to scale)
 * @param score    the log2 score, or null for a cell without CD38
 */
public record Cd38Surface(String cell, @Vocab(Vocab.CD38_LEVEL) String baseline, @Vocab(Vocab.CD38_LEVEL) String level, double fold, Double score) implements Fact {

    /**
     * Scales a CD38-expressing population by its modulations. Folds multiply, so their log2 values add
     * on the score; they are taken in a fixed order so that the floating-point result does not depend
     * on the order in which the engine happened to find them.
     */
    public static Cd38Surface modulated(Cell cell, List<Cd38Modulation> modulations, Cd38Scale scale) {
        if (!cell.cd38Expressed()) {
            throw new IllegalArgumentException(cell.id() + " has no CD38 to modulate");
        }
        List<Cd38Modulation> ordered = modulations.stream()
                .filter(m -> m.cell().equals(cell.id()))
                .sorted(Comparator.comparing(Cd38Modulation::agent).thenComparingDouble(Cd38Modulation::fold))
                .toList();
        double fold = 1.0;
        double log2 = 0.0;
        for (Cd38Modulation m : ordered) {
            fold *= m.fold();
            log2 += m.log2Fold();
        }
        double score = scale.scoreOf(cell.cd38()) + log2;
        return new Cd38Surface(cell.id(), cell.cd38(), scale.levelOf(score), fold, score);
    }

    /** A knockout or a CD38-negative population: nothing to scale, so no fold applies. */
    public static Cd38Surface absent(Cell cell) {
        return new Cd38Surface(cell.id(), cell.cd38(), "none", 1.0, null);
    }

    public int rank() {
        return Levels.cd38Rank(level);
    }

    @Override
    public String key() {
        return "surface:" + cell;
    }

    @Override
    public String describe() {
        if (score == null) {
            return "surface CD38 of " + cell + " is none";
        }
        String change = fold == 1.0 ? "unchanged from " + baseline
                : String.format(Locale.ROOT, "x%.2f from %s", fold, baseline);
        return "surface CD38 of " + cell + " is " + level + " (" + change + ")";
    }
}
