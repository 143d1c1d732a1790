package org.adcckb.reasoning;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adcckb.facts.Grading;
import org.adcckb.facts.Levels;
import org.adcckb.kb.OutcomeKind;

/**
 * The qualitative answer: a grade (none, low, moderate, high) for each outcome kind the vocabulary declares,
 * in its declared order, with the range of grades the knowledge allows and the score the grade reads (null
 * where no rule concluded anything of that kind), and the kinds themselves, so that whatever renders or ranks
 * an answer reads their labels and directions from it.
 */
public record Outcome(List<OutcomeKind> kinds, Map<String, Grading> gradings, Map<String, Double> scores) {

    /**
     * Best first: kind by kind in declared order, each in its better direction, by grade, then by how sure the
     * grade is (the worse end of its range), then by score.
     */
    public static final Comparator<Outcome> BEST_FIRST = (a, b) -> {
        for (OutcomeKind k : a.kinds()) {
            int d = Levels.gradeRank(a.get(k.name())) - Levels.gradeRank(b.get(k.name()));
            if (d != 0) {
                return k.higherIsBetter() ? -d : d;
            }
        }
        for (OutcomeKind k : a.kinds()) {
            Grading ga = a.grading(k.name());
            Grading gb = b.grading(k.name());
            int d = k.higherIsBetter() ? Levels.gradeRank(ga.from()) - Levels.gradeRank(gb.from())
                    : Levels.gradeRank(ga.to()) - Levels.gradeRank(gb.to());
            if (d != 0) {
                return k.higherIsBetter() ? -d : d;
            }
        }
        for (OutcomeKind k : a.kinds()) {
            int d = Double.compare(a.scoreOrNothing(k.name()), b.scoreOrNothing(k.name()));
            if (d != 0) {
                return k.higherIsBetter() ? -d : d;
            }
        }
        return 0;
    };

    public Outcome {
        kinds = List.copyOf(kinds);
        gradings = Collections.unmodifiableMap(new LinkedHashMap<>(gradings));
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** The grade of one outcome kind, or null for a kind the knowledge base does not declare. */
    public String get(String kind) {
        Grading g = gradings.get(kind);
        return g == null ? null : g.level();
    }

    /** The grade of one outcome kind with its range, or null for a kind the knowledge base does not declare. */
    public Grading grading(String kind) {
        return gradings.get(kind);
    }

    /** The score of one outcome kind, or null where no rule concluded anything of that kind. */
    public Double score(String kind) {
        return scores.get(kind);
    }

    private double scoreOrNothing(String kind) {
        Double s = scores.get(kind);
        return s == null ? Double.NEGATIVE_INFINITY : s;
    }

    /** The first declared kind: the one sweeps report each factor's main effect on. */
    public OutcomeKind primary() {
        return kinds.get(0);
    }

    /** By the names the JSON format and expectations use, in declared order. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        gradings.forEach((k, g) -> m.put(k, g.level()));
        return Collections.unmodifiableMap(m);
    }
}
