package org.adcckb.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The NK cells of a population that an Fc anti-CD38 antibody leaves in a patient: the antibody removes CD38+ NK
 * cells selectively, so each CD38 subset loses its own share ({@code lossByRank}, none to high), and the
 * survivors' CD38 is the mean of what is left. A population the scenario gives as one level stands, in patients,
 * for that level mixed with CD38-low cells ({@code plainShare} at the level, the rest low).
 *
 * @param cell      the NK population
 * @param antibody  the antibody that removes them
 * @param lost      the fraction of the population lost, 0 to 1
 * @param cd38      the survivors' CD38 level ({@code none} when none of them carries CD38)
 * @param score     the survivors' CD38 score on the log2 scale, or null when none carries CD38
 * @param mixture   the subsets the loss was computed on, as "80% high, 20% low"
 */
public record Survivors(String cell, @Vocab(Vocab.AGENT) String antibody, double lost, @Vocab(Vocab.CD38_LEVEL) String cd38,
                        Double score, String mixture) implements Fact {

    public static Survivors of(Cell cell, String antibody, List<Cd38Subset> given, double plainShare, double[] lossByRank,
                               Cd38Scale scale) {
        List<Cd38Subset> subsets = new ArrayList<>();
        for (Cd38Subset s : given) {
            if (s.cell().equals(cell.id())) {
                subsets.add(s);
            }
        }
        if (subsets.isEmpty()) {
            if ("low".equals(cell.cd38()) || "none".equals(cell.cd38())) {
                subsets.add(new Cd38Subset(cell.id(), cell.cd38(), 1.0));
            } else {
                subsets.add(new Cd38Subset(cell.id(), "low", 1.0 - plainShare));
                subsets.add(new Cd38Subset(cell.id(), cell.cd38(), plainShare));
            }
        }
        subsets.sort(Cd38Subset.BY_LEVEL);
        double lost = 0;
        double kept = 0;
        double weighted = 0;
        List<String> parts = new ArrayList<>();
        for (Cd38Subset s : subsets) {
            double loss = lossByRank[Levels.cd38Rank(s.cd38())];
            lost += s.fraction() * loss;
            double left = s.fraction() * (1 - loss);
            if (!"none".equals(s.cd38()) && left > 0) {
                kept += left;
                weighted += left * scale.scoreOf(s.cd38());
            }
            parts.add(Math.round(s.fraction() * 100) + "% " + s.cd38());
        }
        Double score = kept > 0 ? weighted / kept : null;
        return new Survivors(cell.id(), antibody, Math.round(lost * 1000) / 1000.0,
                score == null ? "none" : scale.levelOf(score), score, String.join(", ", parts));
    }

    /** The loss as a depletion score: about 4 on the log2 scale for the whole population, linear in the share lost. */
    public Estimate lossScore() {
        return Estimate.of(4 * lost, 3 * lost, 5 * lost);
    }

    /** The fold that takes the population's CD38 as given to the survivors' CD38 (1 when nothing is left to say). */
    public double foldFrom(Cell given, Cd38Scale scale) {
        if (score == null || !given.cd38Expressed()) {
            return 1.0;
        }
        return Math.pow(2, score - scale.scoreOf(given.cd38()));
    }

    @Override
    public String key() {
        return "survivors:" + cell + ":" + antibody;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s removes %.0f%% of the NK cells of %s (%s), selectively the CD38+ ones; the survivors' CD38 is %s",
                antibody, lost * 100, cell, mixture, cd38);
    }
}
