package org.adcckb.kb;

import java.util.List;
import org.adcckb.facts.Graded;
import org.adcckb.facts.Levels;

/**
 * One kind of answer a scenario gets (ADCC, fratricide, NK depletion, ...), declared in the vocabulary's
 * {@code outcomes}: the engine, the reports, what-if, sweeps, why-not and the explorer read it from here, so a
 * new kind is an edit to the knowledge base.
 *
 * @param name      the name in JSON ({@code outcome.<name>}), expectations and goals
 * @param label     how text and pages name it ("NK depletion")
 * @param fact      the simple name of the fact type it is read from; the fact must be {@link Graded}
 * @param scale     the scale of its values: {@code grade} (none, low, moderate, high)
 * @param aggregate how the scenario's outcome comes from its facts: {@code max} (the highest grade of any
 *                  fact, none without one) or {@code min} (the lowest, none without one)
 * @param better    which way is good for the patient: {@code higher} or {@code lower}; sweeps and why-not rank
 *                  by it, pages colour by it
 */
public record OutcomeKind(String name, String label, String fact, String scale, String aggregate, String better) {

    public static final List<String> SCALES = List.of("grade");
    public static final List<String> AGGREGATES = List.of("max", "min");
    public static final List<String> DIRECTIONS = List.of("higher", "lower");

    /** Whether a fact of the final working memory is one this outcome is aggregated from. */
    public boolean counts(Object o) {
        if (!(o instanceof Graded g) || !o.getClass().getSimpleName().equals(fact)) {
            return false;
        }
        return g.kind() == null || g.kind().equals(name);
    }

    /** Whether higher grades are the good direction. */
    public boolean higherIsBetter() {
        return "higher".equals(better);
    }

    /**
     * The grade of the scenario from the ranks of its counted facts ({@link Levels#gradeRank}), given as the
     * running aggregate ({@code -1} before the first fact).
     */
    public int combine(int sofar, int rank) {
        if (sofar < 0) {
            return rank;
        }
        return "min".equals(aggregate) ? Math.min(sofar, rank) : Math.max(sofar, rank);
    }
}
