package org.adcckb.report.graph;

import static org.adcckb.report.graph.Graphs.ATRA_RULE;
import static org.adcckb.report.graph.Graphs.LEJEUNE_DOI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.adcckb.Shuffle;
import org.adcckb.TestKb;
import org.adcckb.reasoning.Node;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The derivation graph all three writers draw: what is in it, and that order changes none of it. */
class GraphModelTest {

    private final Evaluation ev = Graphs.lejeune("atra-nanobody-low-target");
    private final DerivationGraph g = DerivationGraph.of(ev);

    @Test
    void theAtraRuleSitsBetweenItsPremisesAndItsConclusionWithItsCitation() {
        DerivationGraph.Rule atra = g.rules().stream().filter(r -> r.rule().name().equals(ATRA_RULE)).findFirst().orElseThrow();
        assertThat(atra.rule().sources()).contains(LEJEUNE_DOI);
        assertThat(atra.citation()).contains(LEJEUNE_DOI).contains("evidence A");
        assertThat(atra.conclusion()).isEqualTo("modulation:atra@mm");
        assertThat(atra.key()).isEqualTo(ATRA_RULE);
        assertThat(g.edges()).contains(
                new DerivationGraph.Edge(DerivationGraph.id("f", "exposure:atra@mm"), atra.id(), ""),
                new DerivationGraph.Edge(DerivationGraph.id("f", "cell:mm"), atra.id(), ""));
        assertThat(g.edges()).filteredOn(e -> e.from().equals(atra.id()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.to()).isEqualTo(DerivationGraph.id("f", "modulation:atra@mm"));
                    assertThat(e.label()).isEqualTo(atra.rule().file() + ":" + atra.rule().line());
                });
    }

    @Test
    void outcomesAreFedByTheConclusionsThatSetThem() {
        assertThat(g.outcomes()).extracting(DerivationGraph.Outcome::field).containsExactly("adcc", "fratricide", "nkDepletion");
        DerivationGraph.Outcome adcc = g.outcomes().get(0);
        assertThat(adcc.level()).isEqualTo("moderate");
        assertThat(adcc.label()).isEqualTo("ADCC: moderate");
        assertThat(adcc.key()).isEqualTo("outcome:adcc");
        assertThat(adcc.support()).containsExactly("adcc:nk>mm:daratumumab");
        assertThat(g.edges()).contains(new DerivationGraph.Edge(DerivationGraph.id("f", "adcc:nk>mm:daratumumab"), adcc.id(), ""));
        assertThat(g.outcomes().get(1).level()).isEqualTo("none");
        assertThat(g.outcomes().get(1).support()).isEmpty();
    }

    @Test
    void onlyTheInputsSomeDerivationUsesAreDrawn() {
        Set<String> keys = new HashSet<>();
        g.facts().forEach(f -> keys.add(f.key()));
        assertThat(keys).contains("cell:mm", "cell:nk", "exposure:atra@mm", "exposure:cd38_nanobody@nk", "agent:daratumumab")
                .doesNotContain("agent:ifn_gamma", "agent:isatuximab", "agent:lenalidomide", "agent:il6");
        Set<String> premises = new HashSet<>();
        ev.explanation().nodes().forEach(n -> n.derivations().forEach(d -> premises.addAll(d.premises())));
        for (DerivationGraph.Fact f : g.facts()) {
            if (f.input()) {
                assertThat(premises).as("input %s is used by a derivation", f.key()).contains(f.key());
            }
        }
        long conclusions = ev.explanation().nodes().stream().filter(n -> !n.input()).count();
        assertThat(g.facts().stream().filter(f -> !f.input())).hasSize((int) conclusions);
        long derivations = ev.explanation().nodes().stream().mapToLong(n -> n.derivations().size()).sum();
        assertThat(g.rules()).hasSize((int) derivations);
    }

    @Test
    void everyEdgeJoinsTwoNodesAndEveryIdIsUniqueAndPlain() {
        Set<String> ids = new HashSet<>();
        for (DerivationGraph.Vertex v : g.vertices()) {
            assertThat(ids.add(v.id())).as("unique id %s", v.id()).isTrue();
            assertThat(v.id()).matches("[A-Za-z0-9_]+");
        }
        for (DerivationGraph.Edge e : g.edges()) {
            assertThat(ids).contains(e.from(), e.to());
        }
        assertThat(g.edges()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsNeverCollideEvenForKeysThatLookAlike() {
        List<String> keys = List.of("a:b", "a_3A_b", "a_b", "a b", "a_5F_b", "a#0", "a", "x:a-->b", "x:a-- >b");
        Set<String> ids = new HashSet<>();
        keys.forEach(k -> ids.add(DerivationGraph.id("f", k)));
        assertThat(ids).hasSize(keys.size());
    }

    static Stream<Path> shipped() throws IOException {
        try (Stream<Path> s = Files.walk(TestKb.FACTS)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** Cells, treatments and fields in another order: the same graph and the same bytes from every writer. */
    @ParameterizedTest
    @MethodSource("shipped")
    void orderChangesNoByteOfAnyGraph(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        String expected = all(original);
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(all(Shuffle.scenario(original, seed))).as("%s shuffled with seed %d", file, seed).isEqualTo(expected);
        }
    }

    private static String all(byte[] scenario) {
        Evaluation e = TestKb.reasoner().evaluate(new ScenarioReader(TestKb.kb().vocabulary()).read(scenario, "x.json"));
        return DerivationGraph.of(e) + "\n" + Dot.render(e) + Mermaid.render(e) + GraphSvg.render(e)
                + HtmlReport.explain(e, "fp");
    }

    @Test
    void aScenarioWithoutDerivationsStillHasItsOutcomes() {
        Evaluation bare = TestKb.evaluate(TestKb.scenario("bare").myeloma("mm", "low"));
        DerivationGraph b = DerivationGraph.of(bare);
        assertThat(b.outcomes()).hasSize(3).allSatisfy(o -> assertThat(o.level()).isEqualTo("none"));
        assertThat(b.facts()).allSatisfy(f -> assertThat(bare.explanation().node(f.key()).map(Node::input)).isPresent());
    }
}
