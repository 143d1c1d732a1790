package org.adcckb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.adcckb.facts.Cell;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.property.Property;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The property harness finds failures, shrinks them to the scenario a biologist would write to show the
 * point, replays them from their seed; and the scientific invariants do fail when a rule is broken, so
 * their passing on the shipped rules means something.
 */
class PropertyHarnessTest {

    private static final ScenarioGenerator GENERATOR = new ScenarioGenerator(TestKb.kb().vocabulary());

    /** A deliberately false claim: "daratumumab never causes fratricide". */
    private static List<String> noFratricide(Scenario s) {
        String f = TestKb.reasoner().evaluateWithoutExplanation(s).outcome().get("fratricide");
        return "none".equals(f) ? List.of() : List.of("fratricide " + f);
    }

    @Test
    void aFalsePropertyIsShrunkToAMinimalScenarioThatShowsIt() {
        for (long seed = 1; seed <= 5; seed++) {
            var failure = Property.find("noFratricide", 300, seed, GENERATOR, PropertyHarnessTest::noFratricide).orElseThrow();
            Scenario s = failure.shrunk();
            // Wang 2018's fratricide and nothing else: daratumumab, CD16+ NK cells and CD38+ NK cells, in
            // vitro, every level as low as it goes while fratricide stays low. Greedy shrinking stops at a local
            // minimum: CD38-low with CD16-158V, or CD38-medium with the weaker CD16-158F (whose cost takes
            // CD38-low fratricide below low).
            assertThat(s.setting()).as("seed %d", seed).isEqualTo("in_vitro");
            assertThat(s.cells()).as("seed %d", seed).hasSizeBetween(1, 2)
                    .allSatisfy(c -> {
                        assertThat(c.type()).isEqualTo("nk");
                        assertThat(c.cd38()).isIn("none", "low", "medium");
                        assertThat(c.cd38Knockout()).isFalse();
                    })
                    .anySatisfy(c -> assertThat(c.cd38()).isIn("low", "medium"))
                    .anySatisfy(c -> assertThat(c.cd16()).isIn("158F", "158V"));
            // One Fc antibody against CD38 (daratumumab, or another the vocabulary declares).
            // One Fc antibody against CD38, and at most one agent beside it (an inducer whose effect on NK cells is
            // unknown can keep a CD38-low population's fratricide at low).
            assertThat(s.treatments()).as("seed %d", seed).hasSizeBetween(1, 2)
                    .anySatisfy(t -> assertThat(TestKb.kb().vocabulary().agents().get(t.agent()).fc()).isTrue());
            assertThat(failure.violations()).containsExactly("fratricide low");
        }
    }

    @Test
    void theSameSeedReplaysTheSameFailure() {
        var a = Property.find("noFratricide", 300, 42L, GENERATOR, PropertyHarnessTest::noFratricide).orElseThrow();
        var b = Property.find("noFratricide", 300, 42L, GENERATOR, PropertyHarnessTest::noFratricide).orElseThrow();
        assertThat(b.tryNumber()).isEqualTo(a.tryNumber());
        assertThat(b.original()).isEqualTo(a.original());
        assertThat(b.shrunk()).isEqualTo(a.shrunk());
    }

    @Test
    void aFailureIsReportedWithItsSeedAndTheShrunkScenarioAsJson() {
        assertThatThrownBy(() -> Property.check("noFratricide", 300, GENERATOR, ScientificInvariantsProperties::show,
                PropertyHarnessTest::noFratricide))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property noFratricide falsified at try")
                .hasMessageContaining("-D" + Property.SEED + "=")
                .satisfies(e -> assertThat(e.getMessage()).containsPattern("\"agent\" : \"(daratumumab|isatuximab)\""))
                .hasMessageContaining("src/test/resources/regressions/");
    }

    @Test
    void anExceptionCountsAsAFailure() {
        var failure = Property.find("throws", 10, 1L, GENERATOR, s -> {
            throw new IllegalStateException("boom");
        }).orElseThrow();
        assertThat(failure.violations()).containsExactly("threw java.lang.IllegalStateException: boom");
        assertThat(failure.shrunk().cells()).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------
    // The invariants catch broken rules

    private static Path brokenRules(Path dir, String file, String correct, String broken) throws IOException {
        TestKb.copyRules(dir);
        Path target = dir.resolve(file);
        String text = Files.readString(target);
        assertThat(text).as("the rule text to break").contains(correct);
        Files.writeString(target, text.replace(correct, broken));
        return dir;
    }

    private static Property.Failure<Scenario> falsify(KnowledgeBase kb, String invariant) {
        ScientificInvariants invariants = new ScientificInvariants(kb);
        Function<Scenario, List<String>> check = invariants.named(invariant)::violations;
        return Property.find(invariant, 1000, 7L, new ScenarioGenerator(kb.vocabulary()), check)
                .orElseThrow(() -> new AssertionError(invariant + " did not notice the broken rule"));
    }

    @Test
    void adccWithoutTheCd16GateIsCaught(@TempDir Path tmp) throws IOException {
        KnowledgeBase kb = KnowledgeBaseLoader.load(brokenRules(tmp, "adcc.drl",
                "Cell( type == \"nk\", cd16 != \"none\", $effector : id )", "Cell( type == \"nk\", $effector : id )"));
        var f = falsify(kb, "withoutCd16OnEffectorsThereIsNoAdccNorFratricide");
        assertThat(f.violations()).anyMatch(v -> v.contains("ADCC is"));
        assertThat(f.shrunk().cells()).extracting(Cell::type).containsExactlyInAnyOrder("myeloma", "nk");
    }

    @Test
    void fratricideOfUncoatedNkCellsIsCaughtOnAKnockout(@TempDir Path tmp) throws IOException {
        // A knockout taken to be possibly CD38-positive: still no CD38, but coated within its range, so killed.
        KnowledgeBase kb = KnowledgeBaseLoader.load(brokenRules(tmp, "cd38-expression.drl",
                "    $cell : Cell( cd38Knockout )\nthen\n    insertLogical( Cd38Surface.absent( $cell ) );",
                "    $cell : Cell( cd38Knockout )\nthen\n    insertLogical( Cd38Surface.possiblyInduced( $cell, new Cd38Scale( 1.5, 3.0, 0.75, 2.25, 3.75 ) ) );"));
        var f = falsify(kb, "aCd38KnockoutNeverCarriesCd38");
        // Caught as fratricide of the knockout, or as the depletion that follows from it.
        assertThat(f.violations()).anyMatch(v -> v.contains("victim of fratricide:") || v.contains("depleted"));
        assertThat(f.shrunk().cells()).anySatisfy(c -> assertThat(c.cd38Knockout()).isTrue()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void anInvertedBalanceIsCaught(@TempDir Path tmp) throws IOException {
        // Fratricide costing ADCC the less, the more there is: the opposite of Lejeune's balance.
        KnowledgeBase kb = KnowledgeBaseLoader.load(brokenRules(tmp, "adcc.drl",
                "Fratricide.strongest( $frats )", "Estimate.exactly( 6.0 ).minus( Fratricide.strongest( $frats ).positive() )"));
        var f = falsify(kb, "moreCd38OnEffectorsNeverRaisesAdcc");
        assertThat(f.violations()).anyMatch(v -> v.contains("raised ADCC") || v.contains("raised adcc:"));
    }
}
