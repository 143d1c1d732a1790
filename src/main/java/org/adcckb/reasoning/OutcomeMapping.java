package org.adcckb.reasoning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.adcckb.facts.Adcc;
import org.adcckb.facts.AntibodyBinding;
import org.adcckb.facts.Cd38Surface;
import org.adcckb.facts.Cell;
import org.adcckb.facts.Fratricide;
import org.adcckb.facts.Levels;
import org.adcckb.facts.NkDepletion;
import org.adcckb.kb.Vocabulary;
import org.adcckb.scenario.Scenario;

/**
 * The answer read off a settled session's final working memory: the outcome (each the highest grade its
 * conclusions reach, with the keys of the conclusions at it) and the state of each cell.
 */
final class OutcomeMapping {

    private OutcomeMapping() {
    }

    /** The conclusions the outcome is read from; the keys of these are what an outcome cites. */
    static boolean isOutcomeFact(Object o) {
        return o instanceof Adcc || o instanceof Fratricide || o instanceof NkDepletion;
    }

    /**
     * @param facts the final working memory, in the session's order
     * @param keys  each fact's key, unique within the memory (for the outcome facts at least)
     * @param nodes the explanation's nodes, or none
     */
    static Evaluation evaluation(Scenario scenario, List<Object> facts, Function<Object, String> keys,
                                 List<Node> nodes, Vocabulary vocabulary) {
        // The three outcomes in one pass: each the highest grade of its fact type, with the facts at it.
        int[] max = new int[3];
        List<List<Object>> atMax = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Object o : facts) {
            int i;
            int rank;
            if (o instanceof Adcc a) {
                i = 0;
                rank = a.rank();
            } else if (o instanceof Fratricide f) {
                i = 1;
                rank = f.rank();
            } else if (o instanceof NkDepletion d) {
                i = 2;
                rank = d.rank();
            } else {
                continue;
            }
            if (rank > max[i]) {
                max[i] = rank;
                atMax.get(i).clear();
            }
            if (rank == max[i]) {
                atMax.get(i).add(o);
            }
        }
        Map<String, List<String>> support = new TreeMap<>();
        String[] fields = {"adcc", "fratricide", "nkDepletion"};
        for (int i = 0; i < 3; i++) {
            // An outcome of none may still be a conclusion (ADCC engaged but cancelled by fratricide): cite it.
            List<String> ids = new ArrayList<>(atMax.get(i).size());
            for (Object o : atMax.get(i)) {
                ids.add(keys.apply(o));
            }
            ids.sort(null);
            support.put(fields[i], List.copyOf(ids));
        }
        String adcc = Levels.grade(max[0]);
        String fratricide = Levels.grade(max[1]);
        String depletion = Levels.grade(max[2]);

        return new Evaluation(scenario, new Outcome(adcc, fratricide, depletion), cellStates(scenario, facts, vocabulary),
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
