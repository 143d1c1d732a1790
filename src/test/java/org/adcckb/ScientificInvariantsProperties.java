package org.adcckb;

import org.adcckb.property.Property;
import org.adcckb.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The scientific invariants of {@link ScientificInvariants}, checked on random valid scenarios built from
 * the knowledge base's vocabulary ({@link ScenarioGenerator}), not only on the shipped ones. A failure is
 * shrunk to the simplest scenario that still fails and reported as scenario JSON with its seed; keep it
 * under {@code src/test/resources/regressions/} ({@link RegressionScenariosTest}).
 *
 * <p>Tries per property: what one run can afford on two cores (one evaluation takes well under a
 * millisecond once warm, and a property evaluates each scenario one to a few dozen times). More with
 * {@code -Dadcc.properties.scale=N}; a run replays with {@code -Dadcc.properties.seed=S}.
 */
class ScientificInvariantsProperties {

    private static ScientificInvariants invariants;
    private static ScenarioGenerator scenarios;

    @BeforeAll
    static void setUp() {
        invariants = new ScientificInvariants(TestKb.kb());
        scenarios = new ScenarioGenerator(TestKb.kb().vocabulary());
    }

    private static void check(String name, int tries) {
        ScientificInvariants.Invariant invariant = invariants.named(name);
        Property.check(name, tries, scenarios, ScientificInvariantsProperties::show, invariant::violations);
    }

    static String show(Scenario s) {
        return ScenarioJson.pretty(s, TestKb.kb().vocabulary());
    }

    @Test
    @DisplayName("raising target CD38 (a CD38 raiser on a myeloma population) never lowers ADCC")
    void raisingTargetCd38NeverLowersAdcc() {
        check("raisingTargetCd38NeverLowersAdcc", 1000);
    }

    @Test
    @DisplayName("a target population with more CD38 at baseline never gives less ADCC")
    void moreCd38OnTargetsNeverLowersAdcc() {
        check("moreCd38OnTargetsNeverLowersAdcc", 1000);
    }

    @Test
    @DisplayName("an effector population with more CD38 never gives less fratricide")
    void moreCd38OnEffectorsNeverLowersFratricide() {
        check("moreCd38OnEffectorsNeverLowersFratricide", 1000);
    }

    @Test
    @DisplayName("an effector population with more CD38 never gives more ADCC")
    void moreCd38OnEffectorsNeverRaisesAdcc() {
        check("moreCd38OnEffectorsNeverRaisesAdcc", 1000);
    }

    @Test
    @DisplayName("masking effector CD38 (a blocker on an NK population) never raises fratricide")
    void maskingEffectorCd38NeverRaisesFratricide() {
        check("maskingEffectorCd38NeverRaisesFratricide", 1000);
    }

    @Test
    @DisplayName("masking effector CD38 never lowers ADCC")
    void maskingEffectorCd38NeverLowersAdcc() {
        check("maskingEffectorCd38NeverLowersAdcc", 1000);
    }

    @Test
    @DisplayName("a higher-affinity CD16 (none < 158F < 158V) never gives less ADCC or fratricide")
    void higherAffinityCd16NeverLowersAdccOrFratricide() {
        check("higherAffinityCd16NeverLowersAdccOrFratricide", 1000);
    }

    @Test
    @DisplayName("a CD38 knockout never carries CD38, whatever is added")
    void aCd38KnockoutNeverCarriesCd38() {
        check("aCd38KnockoutNeverCarriesCd38", 1000);
    }

    @Test
    @DisplayName("without an Fc-bearing antibody there is no ADCC, no fratricide and no NK depletion")
    void withoutAnFcAntibodyThereIsNoAdccNorFratricide() {
        check("withoutAnFcAntibodyThereIsNoAdccNorFratricide", 1000);
    }

    @Test
    @DisplayName("without CD16 on any effector there is neither ADCC nor fratricide")
    void withoutCd16OnEffectorsThereIsNoAdccNorFratricide() {
        check("withoutCd16OnEffectorsThereIsNoAdccNorFratricide", 1000);
    }

    @Test
    @DisplayName("the order of cells, treatments and fields never changes a byte of the answer")
    void theOrderOfCellsAndTreatmentsNeverChangesTheAnswer() {
        check("theOrderOfCellsAndTreatmentsNeverChangesTheAnswer", 400);
    }

    @Test
    @DisplayName("every conclusion traces back to the scenario's cell populations")
    void everyConclusionTracesBackToTheScenario() {
        check("everyConclusionTracesBackToTheScenario", 1000);
    }

    @Test
    @DisplayName("the same scenario always gives the same answer, byte for byte")
    void evaluationIsDeterministic() {
        check("evaluationIsDeterministic", 400);
    }
}
