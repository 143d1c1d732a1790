package org.adcckb.reasoning;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adcckb.facts.Levels;
import org.adcckb.kb.OutcomeKind;

/**
 * The qualitative answer: a grade (none, low, moderate, high) for each outcome kind the vocabulary declares,
 * in its declared order, with the kinds themselves, so that whatever renders or ranks an answer reads their
 * labels and directions from it.
 */
public record Outcome(List<OutcomeKind> kinds, Map<String, String> grades) {

    /** Best first: kind by kind in declared order, each in its better direction. */
    public static final Comparator<Outcome> BEST_FIRST = (a, b) -> {
        for (OutcomeKind k : a.kinds()) {
            int d = Levels.gradeRank(a.get(k.name())) - Levels.gradeRank(b.get(k.name()));
            if (d != 0) {
                return k.higherIsBetter() ? -d : d;
            }
        }
        return 0;
    };

    public Outcome {
        kinds = List.copyOf(kinds);
        grades = Collections.unmodifiableMap(new LinkedHashMap<>(grades));
    }

    /** The grade of one outcome kind, or null for a kind the knowledge base does not declare. */
    public String get(String kind) {
        return grades.get(kind);
    }

    /** The first declared kind: the one sweeps report each factor's main effect on. */
    public OutcomeKind primary() {
        return kinds.get(0);
    }

    /** By the names the JSON format and expectations use, in declared order. */
    public Map<String, String> asMap() {
        return grades;
    }
}
