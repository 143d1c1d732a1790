package org.adcckb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.facts.Cell;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;

/** The shipped knowledge base, compiled once for the whole test run, and a small scenario builder. */
public final class TestKb {

    public static final Path RULES = Path.of("rules");
    public static final Path FACTS = Path.of("facts");

    private static KnowledgeBase kb;

    private TestKb() {
    }

    /** A copy of the shipped rules directory's files in {@code to} (created if need be), for tests that edit rules. */
    public static Path copyRules(Path to) throws java.io.IOException {
        java.nio.file.Files.createDirectories(to);
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(RULES)) {
            for (Path f : s.toList()) {
                java.nio.file.Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    public static synchronized KnowledgeBase kb() {
        if (kb == null) {
            kb = KnowledgeBaseLoader.load(RULES);
        }
        return kb;
    }

    private static org.adcckb.AdccKb api;

    /** The question API over the shared knowledge base. */
    public static synchronized org.adcckb.AdccKb api() {
        if (api == null) {
            api = new org.adcckb.AdccKb(kb(), Reasoner.DEFAULT_MAX_FIRINGS);
        }
        return api;
    }

    /** A shipped scenario by file name under facts/lejeune-2021. */
    public static Scenario lejeune(String name) {
        return api().read(FACTS.resolve("lejeune-2021").resolve(name + ".json"));
    }

    public static Reasoner reasoner() {
        return new Reasoner(kb());
    }

    public static Evaluation evaluate(Builder b) {
        return reasoner().evaluate(b.build());
    }

    public static Builder scenario(String id) {
        return new Builder(id);
    }

    /** Scenarios written the way a biologist states them: populations, then treatments. */
    public static final class Builder {
        private final String id;
        private String setting = "in_vitro";
        private String course;
        private final List<Cell> cells = new ArrayList<>();
        private final List<Treatment> treatments = new ArrayList<>();

        Builder(String id) {
            this.id = id;
        }

        public Builder myeloma(String cellId, String cd38) {
            cells.add(new Cell(cellId, "myeloma", cd38, "none", false, null));
            return this;
        }

        public Builder nk(String cellId, String cd38, String cd16) {
            cells.add(new Cell(cellId, "nk", cd38, cd16, false, null));
            return this;
        }

        public Builder knockout(String cellId, String type, String cd16) {
            cells.add(new Cell(cellId, type, "none", cd16, true, null));
            return this;
        }

        /** The usual effector: CD16-158V NK-92, CD38 high. */
        public Builder nk92(String cellId) {
            return nk(cellId, "high", "158V");
        }

        public Builder treat(String agent) {
            treatments.add(new Treatment(agent, null));
            return this;
        }

        public Builder treat(String agent, String on) {
            treatments.add(new Treatment(agent, on));
            return this;
        }

        /** In vivo, on the vocabulary's default course unless {@link #course} says otherwise. */
        public Builder inVivo() {
            setting = "in_vivo";
            return this;
        }

        /** In vivo on this course of the vocabulary ({@code refractory}, ...). */
        public Builder course(String name) {
            setting = "in_vivo";
            course = name;
            return this;
        }

        /** A population given by CD38 subsets: {@code "high", 0.6, "low", 0.4}. */
        public Builder mixed(String cellId, String type, String cd16, Object... levelsAndFractions) {
            List<org.adcckb.facts.Cd38Subset> subsets = new ArrayList<>();
            for (int i = 0; i < levelsAndFractions.length; i += 2) {
                subsets.add(new org.adcckb.facts.Cd38Subset(cellId, (String) levelsAndFractions[i],
                        ((Number) levelsAndFractions[i + 1]).doubleValue()));
            }
            cells.add(new Cell(cellId, type, org.adcckb.facts.Cd38Subset.meanLevel(subsets, kb().vocabulary().cd38Scale()),
                    cd16, false, null, subsets));
            return this;
        }

        public Scenario build() {
            var vocabulary = kb().vocabulary();
            return new Scenario(id, null, setting, course == null ? "in_vivo".equals(setting) ? vocabulary.defaultCourse() : null
                    : vocabulary.course(course).orElseThrow(), cells, treatments, null, "test:" + id);
        }
    }

    /** Every derived fact of a type in an evaluation's explanation. */
    public static List<org.adcckb.reasoning.Node> nodes(Evaluation ev, String type) {
        return ev.explanation().nodes().stream().filter(n -> n.type().equals(type)).toList();
    }
}
