package org.adcckb.reasoning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.adcckb.facts.AntibodyBinding;
import org.adcckb.facts.Cd38Surface;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Graded;
import org.adcckb.facts.Levels;
import org.adcckb.facts.NkDepletion;
import org.adcckb.kb.OutcomeKind;
import org.adcckb.kb.Vocabulary;
import org.adcckb.scenario.Scenario;

/**
 * The answer read off a settled session's final working memory: the outcome (for each outcome kind of the
 * vocabulary, the grade its conclusions aggregate to, with the keys of the conclusions at it) and the state of
 * each cell.
 */
final class OutcomeMapping {

    private OutcomeMapping() {
    }

    /** The conclusions some declared outcome is read from; the keys of these are what an outcome cites. */
    static boolean isOutcomeFact(Object o, Vocabulary vocabulary) {
        if (o instanceof Graded) {
            for (OutcomeKind k : vocabulary.outcomes()) {
                if (k.counts(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param facts the final working memory, in the session's order
     * @param keys  each fact's key, unique within the memory (for the outcome facts at least)
     * @param nodes the explanation's nodes, or none
     */
    static Evaluation evaluation(Scenario scenario, List<Object> facts, Function<Object, String> keys,
                                 List<Node> nodes, Vocabulary vocabulary) {
        // Each declared outcome from its facts (the highest grade, or the lowest, as the vocabulary says),
        // with the facts at that grade as its support.
        List<OutcomeKind> kinds = vocabulary.outcomes();
        int n = kinds.size();
        int[] grade = new int[n];
        Arrays.fill(grade, -1);
        List<List<Object>> atGrade = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            atGrade.add(new ArrayList<>());
        }
        for (Object o : facts) {
            if (!(o instanceof Graded g)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (!kinds.get(i).counts(o)) {
                    continue;
                }
                int rank = Levels.gradeRank(g.level());
                int next = kinds.get(i).combine(grade[i], rank);
                if (next != grade[i]) {
                    grade[i] = next;
                    atGrade.get(i).clear();
                }
                if (rank == grade[i]) {
                    atGrade.get(i).add(o);
                }
            }
        }
        Map<String, List<String>> support = new TreeMap<>();
        Map<String, String> grades = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            // An outcome of none may still be a conclusion (ADCC engaged but cancelled by fratricide): cite it.
            List<String> ids = new ArrayList<>(atGrade.get(i).size());
            for (Object o : atGrade.get(i)) {
                ids.add(keys.apply(o));
            }
            ids.sort(null);
            support.put(kinds.get(i).name(), List.copyOf(ids));
            grades.put(kinds.get(i).name(), Levels.grade(Math.max(0, grade[i])));
        }
        return new Evaluation(scenario, new Outcome(kinds, grades), cellStates(scenario, facts, vocabulary),
                new Explanation(List.copyOf(nodes), support));
    }

    private static Map<String, CellState> cellStates(Scenario scenario, List<Object> facts, Vocabulary vocabulary) {
        // One pass over the memory, then one state per cell.
        Map<String, Cd38Surface> surfaces = new HashMap<>();
        Map<String, Map<String, String>> bindings = new HashMap<>();
        Map<String, Integer> depletions = new HashMap<>();
        for (Object o : facts) {
            if (o instanceof Cd38Surface s) {
                surfaces.putIfAbsent(s.cell(), s);
            } else if (o instanceof AntibodyBinding b) {
                bindings.computeIfAbsent(b.cell(), k -> new TreeMap<>()).merge(b.antibody(), b.level(),
                        (x, y) -> Levels.cd38Rank(x) >= Levels.cd38Rank(y) ? x : y);
            } else if (o instanceof NkDepletion d) {
                depletions.merge(d.cell(), d.rank(), Math::max);
            }
        }
        Map<String, CellState> out = new LinkedHashMap<>();
        for (Cell c : scenario.cells()) {
            Cd38Surface surface = surfaces.get(c.id());
            Map<String, String> binding = bindings.getOrDefault(c.id(), new TreeMap<>());
            int depletion = depletions.getOrDefault(c.id(), 0);
            String level = surface != null ? surface.level() : c.cd38Knockout() ? "none" : c.cd38();
            Vocabulary.CellType type = vocabulary.cellTypes().get(c.type());
            out.put(c.id(), new CellState(c.id(), c.type(), type == null ? "target" : type.role(),
                    type != null && type.cd16(), c.cd16(), c.cd38Knockout(), c.line(), c.cd38(), level,
                    surface != null ? surface.fold() : 1.0, surface != null ? surface.score() : null,
                    binding, Levels.grade(depletion)));
        }
        return out;
    }
}
