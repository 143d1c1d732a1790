package org.adcckb.reasoning;

import static org.adcckb.TestKb.evaluate;
import static org.adcckb.TestKb.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ADCC: the gates, the target's antibody load, and the modifiers (CD38 balance, CD16 allele, loss of effectors in vivo). */
class AdccRulesTest {

    @Test
    void withoutAnFcAntibodyThereIsNoAdcc() {
        var ev = evaluate(scenario("no-ab").myeloma("mm", "high").nk("nk", "low", "158V").treat("cd38_nanobody", "nk").treat("atra"));
        assertThat(ev.outcome().get("adcc")).isEqualTo("none");
        assertThat(TestKb.nodes(ev, "AdccEngagement")).isEmpty();
    }

    @Test
    void withoutCd16ThereIsNoAdcc() {
        var ev = evaluate(scenario("no-cd16").myeloma("mm", "high").nk("nk", "low", "none").treat("daratumumab"));
        assertThat(ev.outcome().get("adcc")).isEqualTo("none");
    }

    @Test
    void withoutTargetCd38ThereIsNoAdcc() {
        var neg = evaluate(scenario("neg").myeloma("mm", "none").nk("nk", "low", "158V").treat("daratumumab"));
        var ko = evaluate(scenario("ko").knockout("mm", "myeloma", "none").nk("nk", "low", "158V").treat("daratumumab"));
        assertThat(neg.outcome().get("adcc")).isEqualTo("none");
        assertThat(ko.outcome().get("adcc")).isEqualTo("none");
    }

    @Test
    void withoutEffectorsThereIsNoAdcc() {
        var ev = evaluate(scenario("alone").myeloma("mm", "high").treat("daratumumab"));
        assertThat(ev.outcome().get("adcc")).isEqualTo("none");
    }

    @ParameterizedTest(name = "target CD38 {0} with masked effectors -> ADCC {1}")
    @CsvSource({"low, low", "medium, moderate", "high, high"})
    void adccRisesWithTargetCd38WhenEffectorCd38IsOutOfPlay(String target, String expected) {
        var ev = evaluate(scenario("dose").myeloma("mm", target).nk92("nk").treat("daratumumab").treat("cd38_nanobody", "nk"));
        assertThat(ev.outcome().get("adcc")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "target {0} vs effector {1} -> ADCC {2}")
    @CsvSource({
        "high,   high,   moderate",
        "high,   medium, high",
        "high,   low,    high",
        "medium, high,   low",
        "medium, medium, low",
        "medium, low,    moderate",
        "low,    high,   none",
        "low,    low,    none",
    })
    void theCd38BalanceBetweenTargetAndEffectorDecides(String target, String effector, String expected) {
        var ev = evaluate(scenario("balance").myeloma("mm", target).nk("nk", effector, "158V").treat("daratumumab"));
        assertThat(ev.outcome().get("adcc")).isEqualTo(expected);
    }

    @Test
    void theBalanceModifierNamesBothLevelsAndRestsOnFratricide() {
        var ev = evaluate(scenario("why").myeloma("mm", "high").nk92("nk").treat("daratumumab"));
        var modifier = TestKb.nodes(ev, "AdccModifier");
        assertThat(modifier).singleElement().satisfies(n -> {
            assertThat(n.text()).contains("effector CD38 (high)", "target CD38 (high)");
            assertThat(n.derivations().get(0).premises()).contains("fratricide:nk>nk:daratumumab");
        });
    }

    @Test
    void cd16Allele158FLowersAdccOneStep() {
        var v = evaluate(scenario("v").myeloma("mm", "high").nk("nk", "low", "158V").treat("daratumumab"));
        var f = evaluate(scenario("f").myeloma("mm", "high").nk("nk", "low", "158F").treat("daratumumab"));
        assertThat(v.outcome().get("adcc")).isEqualTo("high");
        assertThat(f.outcome().get("adcc")).isEqualTo("moderate");
    }

    @Test
    void theCd16AlleleIsNotTakenToChangeAdccInPatients() {
        var f = evaluate(scenario("f").inVivo().myeloma("mm", "high").nk("nk", "low", "158F").treat("daratumumab"));
        var v = evaluate(scenario("v").inVivo().myeloma("mm", "high").nk("nk", "low", "158V").treat("daratumumab"));
        assertThat(TestKb.nodes(f, "AdccModifier")).isEmpty();
        assertThat(f.outcome().get("adcc")).isEqualTo(v.outcome().get("adcc"));
    }

    @Test
    void inPatientsTheLossOfEffectorsLowersAdccButLeavesTheSurvivorsWorking() {
        var ev = evaluate(scenario("vivo").inVivo().myeloma("mm", "high").nk("nk", "high", "none").nk("eff", "low", "158V")
                .treat("daratumumab"));
        // eff (CD38-low) survives and still kills; the heavy loss is of nk, which has no CD16 and is no effector.
        assertThat(TestKb.nodes(ev, "AdccModifier")).isEmpty();
        var heavy = evaluate(scenario("vivo-heavy").inVivo().myeloma("mm", "high").nk("nk", "medium", "158V").treat("daratumumab"));
        assertThat(TestKb.nodes(heavy, "AdccModifier")).extracting(n -> n.data().get("reason"))
                .contains("effector CD38 (medium) is not below target CD38 (medium), so fratricide competes with target killing");
        var vivoHigh = evaluate(scenario("vivo-high").inVivo().myeloma("mm", "high").nk("nk", "high", "158V").treat("daratumumab"));
        assertThat(TestKb.nodes(vivoHigh, "AdccModifier")).extracting(n -> n.data().get("reason"))
                .contains("most of these effectors are lost in vivo");
        var vitroHigh = evaluate(scenario("vitro-high").myeloma("mm", "high").nk("nk", "high", "158V").treat("daratumumab"));
        assertThat(TestKb.nodes(vitroHigh, "AdccModifier")).extracting(n -> n.data().get("reason"))
                .doesNotContain("most of these effectors are lost in vivo");
    }

    @Test
    void theOutcomeIsTheBestPairAndCitesIt() {
        var ev = evaluate(scenario("two").myeloma("mm", "high").nk92("nk92").nk("lo", "low", "158V").treat("daratumumab"));
        assertThat(ev.outcome().get("adcc")).isEqualTo("high");
        assertThat(ev.explanation().outcomeSupport().get("adcc")).containsExactly("adcc:lo>mm:daratumumab");
        assertThat(TestKb.nodes(ev, "Adcc")).hasSize(2);
    }

    @Test
    void raisingTargetCd38AndMaskingEffectorsTogetherWorkBest() {
        var base = evaluate(scenario("b").myeloma("mm", "low").nk92("nk").treat("daratumumab")).outcome().get("adcc");
        var atra = evaluate(scenario("a").myeloma("mm", "low").nk92("nk").treat("daratumumab").treat("atra", "mm")).outcome().get("adcc");
        var nano = evaluate(scenario("n").myeloma("mm", "low").nk92("nk").treat("daratumumab").treat("cd38_nanobody", "nk")).outcome().get("adcc");
        var both = evaluate(scenario("ab").myeloma("mm", "low").nk92("nk").treat("daratumumab").treat("atra", "mm")
                .treat("cd38_nanobody", "nk")).outcome().get("adcc");
        assertThat(java.util.List.of(base, atra, nano, both)).containsExactly("none", "low", "low", "moderate");
    }
}
