package org.adcckb.facts;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Surface CD38 of a population after every modulation it received.
 *
 * @param cell      the population
 * @param baseline  the level the scenario gave
 * @param level     the level after modulation
 * @param fold      the fold change applied, 1.0 when none (and for cells without CD38 to scale)
 * @param score     the log2 score, or null for a cell without CD38
 * @param estimate  the score with the range the modulations' sizes allow (nothing for no CD38)
 * @param levelFrom the lowest level the range allows
 * @param levelTo   the highest level the range allows
 */
public record Cd38Surface(String cell, @Vocab(Vocab.CD38_LEVEL) String baseline, @Vocab(Vocab.CD38_LEVEL) String level,
                          double fold, Double score, Estimate estimate,
                          @Vocab(Vocab.CD38_LEVEL) String levelFrom, @Vocab(Vocab.CD38_LEVEL) String levelTo) implements Fact {

    /**
     * Scales a CD38-expressing population by its modulations. Folds multiply, so their log2 values add on the
     * score; they are taken in a fixed order so that the floating-point result does not depend on the order in
     * which the engine happened to find them. Where two or more act on one population, the range also takes in
     * the strongest of them acting alone (a rise and a fall each): whether effects tested one by one multiply
     * is itself an assumption.
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
        Estimate change = Estimate.ZERO;
        Estimate strongestUp = Estimate.ZERO;
        Estimate strongestDown = Estimate.ZERO;
        for (Cd38Modulation m : ordered) {
            fold *= m.fold();
            Estimate c = m.change();
            change = change.plus(c);
            if (m.up()) {
                strongestUp = strongestUp.max(c);
            } else {
                strongestDown = strongestDown.min(c);
            }
        }
        if (ordered.size() > 1) {
            Estimate alone = strongestUp.plus(strongestDown);
            change = change.widenedBy(alone);
        }
        Estimate estimate = Estimate.exactly(scale.scoreOf(cell.cd38())).plus(change);
        return new Cd38Surface(cell.id(), cell.cd38(), scale.levelOf(estimate.at()), fold, estimate.at(), estimate,
                scale.levelOf(estimate.from()), scale.levelOf(estimate.to()));
    }

    /** A knockout or a CD38-negative population: nothing to scale, so no fold applies. */
    public static Cd38Surface absent(Cell cell) {
        return new Cd38Surface(cell.id(), cell.cd38(), "none", 1.0, null, Estimate.NONE, "none", "none");
    }

    /**
     * A CD38-negative population exposed to an inducer: none, but possibly up to {@code low} (the scale's
     * {@code lowAt}), since whether an inducer can switch CD38 on de novo is not known.
     */
    public static Cd38Surface possiblyInduced(Cell cell, Cd38Scale scale) {
        return new Cd38Surface(cell.id(), cell.cd38(), "none", 1.0, null,
                Estimate.of(Estimate.NOTHING, Estimate.NOTHING, scale.lowAt()), "none", "low");
    }

    public int rank() {
        return Levels.cd38Rank(level);
    }

    /** Whether the range allows some CD38, even where the point has none. */
    public boolean possible() {
        return estimate.possible();
    }

    @Override
    public String key() {
        return "surface:" + cell;
    }

    @Override
    public String describe() {
        String range = levelFrom.equals(levelTo) ? "" : ", " + levelFrom + " to " + levelTo + " within what is known";
        if (score == null) {
            return "surface CD38 of " + cell + " is none" + range;
        }
        String change = fold == 1.0 ? "unchanged from " + baseline
                : String.format(Locale.ROOT, "x%.2f from %s", fold, baseline);
        return "surface CD38 of " + cell + " is " + level + " (" + change + range + ")";
    }
}
