package org.adcckb.report;

import org.adcckb.reasoning.Derivation;
import org.adcckb.reasoning.Explanation;
import org.adcckb.reasoning.Node;
import static org.adcckb.TestKb.evaluate;
import static org.adcckb.TestKb.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.kb.Evidence;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Explanations: every conclusion traces back to the scenario, through live justifications only, with its evidence. */
class ExplanationTest {

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> s = Files.walk(TestKb.FACTS)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static Evaluation evaluateFile(Path f) {
        return TestKb.reasoner().evaluate(new ScenarioReader(TestKb.kb().vocabulary()).read(f));
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyConclusionTracesBackToTheScenarioWithItsEvidence(Path file) {
        Explanation x = evaluateFile(file).explanation();
        Map<String, Node> byKey = x.byKey();
        for (Node n : x.nodes()) {
            if (n.input()) {
                assertThat(n.derivations()).isEmpty();
                continue;
            }
            assertThat(n.derivations()).as("derivations of %s", n.key()).isNotEmpty();
            for (Derivation d : n.derivations()) {
                assertThat(d.rule().sources()).isNotEmpty().allMatch(Evidence::isSource);
                assertThat(Evidence.isGrade(d.rule().evidence())).isTrue();
                assertThat(d.rule().rationale()).isNotBlank();
                assertThat(d.premises()).as("premises of %s", n.key()).isNotEmpty().allMatch(byKey::containsKey);
            }
            assertThat(x.inputsBehind(n.key())).as("inputs behind %s", n.key())
                    .anyMatch(k -> k.startsWith("cell:"));
        }
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyOutcomeAboveNoneNamesTheConclusionsThatSetIt(Path file) {
        Evaluation ev = evaluateFile(file);
        for (Map.Entry<String, String> o : ev.outcome().asMap().entrySet()) {
            List<String> support = ev.explanation().outcomeSupport().get(o.getKey());
            if (!"none".equals(o.getValue())) {
                assertThat(support).isNotEmpty();
            }
            assertThat(support).allSatisfy(k -> assertThat(ev.explanation().node(k)).isPresent()
                    .get().satisfies(n -> assertThat(n.data()).containsEntry("level", o.getValue())));
        }
    }

    @Test
    void onlyTheFinalStateIsExplainedNotTransientConclusions() {
        // Each population has exactly one surface level and each antibody one load on it, whatever the engine
        // concluded on the way there before the modulations and the masking arrived.
        Evaluation ev = evaluate(scenario("final").myeloma("mm", "low").nk92("nk").treat("daratumumab")
                .treat("atra", "mm").treat("ifn_alpha", "mm").treat("cd38_nanobody", "nk"));
        assertThat(TestKb.nodes(ev, "Cd38Surface")).extracting(n -> n.data().get("cell")).containsExactlyInAnyOrder("mm", "nk");
        assertThat(TestKb.nodes(ev, "Cd38Surface")).filteredOn(n -> "mm".equals(n.data().get("cell")))
                .singleElement().satisfies(n -> assertThat(n.data()).containsEntry("level", "high").containsEntry("fold", 6.0));
        assertThat(TestKb.nodes(ev, "AntibodyBinding")).extracting(n -> n.key())
                .containsExactlyInAnyOrder("binding:daratumumab@mm", "binding:daratumumab@nk");
        assertThat(TestKb.nodes(ev, "Fratricide")).isEmpty();
        assertThat(ev.explanation().nodes()).noneMatch(n -> n.key().contains("#"));
    }

    @Test
    void anAdccOfNoneThatARuleConcludedIsExplainedNotPresentedAsMissing() {
        Evaluation ev = evaluate(scenario("cancelled").myeloma("mm", "low").nk92("nk").treat("daratumumab"));
        assertThat(ev.outcome().get("adcc")).isEqualTo("none");
        assertThat(ev.explanation().outcomeSupport().get("adcc")).containsExactly("adcc:nk>mm:daratumumab");
        assertThat(TextReport.render(ev)).contains("Why ADCC is none", "kill each other through daratumumab (fratricide)")
                .doesNotContain("no rule concluded any ADCC");
        Evaluation none = evaluate(scenario("absent").myeloma("mm", "low").nk92("nk"));
        assertThat(none.explanation().outcomeSupport().get("adcc")).isEmpty();
        assertThat(TextReport.render(none)).contains("no rule concluded any ADCC");
    }

    @Test
    void aConclusionReachedTwiceKeepsBothJustifications() {
        // Two CD16+ killers (wild type and knockout) strike the same CD38-high NK population:
        // one depletion conclusion, justified by both fratricide facts.
        Evaluation ev = evaluate(scenario("twice").nk92("wt").knockout("ko", "nk", "158V").treat("daratumumab"));
        var depletion = TestKb.nodes(ev, "NkDepletion");
        assertThat(depletion).singleElement().satisfies(n -> {
            assertThat(n.derivations()).hasSize(2);
            assertThat(n.derivations()).flatExtracting(Derivation::premises)
                    .contains("fratricide:wt>wt:daratumumab", "fratricide:ko>wt:daratumumab");
        });
    }

    @Test
    void premisesFromAnAccumulateAreTheAccumulatedFacts() {
        Evaluation ev = evaluate(scenario("acc").myeloma("mm", "low").treat("atra", "mm").treat("ifn_alpha", "mm"));
        var surface = ev.explanation().node("surface:mm").orElseThrow();
        assertThat(surface.derivations()).singleElement().satisfies(d -> assertThat(d.premises())
                .containsExactlyInAnyOrder("cell:mm", "modulation:atra@mm", "modulation:ifn_alpha@mm", "scale:cd38"));
    }

    @Test
    void theTextReportWalksFromTheOutcomeToTheScenarioWithCitations() {
        Evaluation ev = evaluate(scenario("text").myeloma("mm", "low").nk92("nk").treat("daratumumab").treat("atra", "mm"));
        String text = TextReport.render(ev);
        assertThat(text).contains("Why ADCC is low", "ATRA raises CD38 on myeloma cells about 3-fold",
                "given: mm was pre-incubated with atra and washed", "https://doi.org/10.3390/cancers13123072",
                "(see above)");
        assertThat(text.indexOf("Why ADCC")).isLessThan(text.indexOf("Sources"));
    }
}
