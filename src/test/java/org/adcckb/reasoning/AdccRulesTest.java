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
        "high,   medium, moderate",
        "high,   low,    high",
        "medium, high,   low",
        "medium, medium, low",
        "medium, low,    moderate",
        "low,    high,   none",
        "low,    low,    low",
    })
    void theCd38BalanceBetweenTargetAndEffectorDecides(String target, String effector, String expected) {
        var ev = evaluate(scenario("balance").myeloma("mm", target).nk("nk", effector, "158V").treat("daratumumab"));
        assertThat(ev.outcome().get("adcc")).isEqualTo(expected);
    }

    @Test
    void theBalanceRestsOnTheEffectorsFratricideAndCountsItOnce() {
        var ev = evaluate(scenario("why").myeloma("mm", "high").nk92("nk").treat("daratumumab"));
        assertThat(TestKb.nodes(ev, "AdccModifier")).as("fratricide is no modifier of its own").isEmpty();
        assertThat(TestKb.nodes(ev, "Adcc")).singleElement().satisfies(n ->
                assertThat(n.derivations()).singleElement().satisfies(d -> {
                    assertThat(d.rule().name()).isEqualTo("Net ADCC balances the targets' load against fratricide among the effectors");
                    assertThat(d.premises()).contains("engagement:nk>mm:daratumumab", "fratricide:nk>nk:daratumumab");
                }));
    }

    @Test
    void highFratricideLeavesAtMostModerateAdccWhateverRaisesTheTargets() {
        var ev = evaluate(scenario("all").myeloma("mm", "high").nk92("nk").treat("daratumumab").treat("atra", "mm")
                .treat("lenalidomide").treat("ifn_alpha", "mm"));
        assertThat(ev.outcome().get("fratricide")).isEqualTo("high");
        assertThat(ev.outcome().get("adcc")).isIn("none", "low", "moderate");
    }

    @Test
    void scoresTellDifferencesWithinAGrade() {
        var high = evaluate(scenario("h").myeloma("mm", "high").nk("nk", "low", "158V").treat("daratumumab"));
        var higher = evaluate(scenario("hh").myeloma("mm", "high").nk("nk", "low", "158V").treat("daratumumab")
                .treat("atra", "mm").treat("ifn_alpha", "mm"));
        assertThat(high.outcome().get("adcc")).isEqualTo(higher.outcome().get("adcc")).isEqualTo("high");
        assertThat(higher.outcome().score("adcc")).isGreaterThan(high.outcome().score("adcc"));
    }

    @Test
    void cd16Allele158FLowersAdccOneStep() {
        var v = evaluate(scenario("v").myeloma("mm", "high").nk("nk", "low", "158V").treat("daratumumab"));
        var f = evaluate(scenario("f").myeloma("mm", "high").nk("nk", "low", "158F").treat("daratumumab"));
        assertThat(v.outcome().get("adcc")).isEqualTo("high");
        assertThat(f.outcome().get("adcc")).isEqualTo("moderate");
    }

    @Test
    void theCd16AlleleFollowsOneLogicInVitroAndInPatientsAndSaysWhatIsUnknown() {
        var f = evaluate(scenario("f").inVivo().myeloma("mm", "high").nk("nk", "low", "158F").treat("daratumumab"));
        var v = evaluate(scenario("v").inVivo().myeloma("mm", "high").nk("nk", "low", "158V").treat("daratumumab"));
        assertThat(TestKb.nodes(f, "AdccModifier")).extracting(n -> n.data().get("reason"))
                .contains("CD16-158F binds IgG1 less than 158V");
        assertThat(f.outcome().score("adcc")).isLessThan(v.outcome().score("adcc"));
        assertThat(f.explanation().support().get("adcc").unknowns()).extracting(Support.Unknown::question)
                .contains("whether the CD16 genotype changes daratumumab's effect in patients: no association is established");
    }

    @Test
    void inPatientsTheSurvivorsKeepKillingAndTheLossIsCountedOnce() {
        var ev = evaluate(scenario("vivo").inVivo().myeloma("mm", "high").nk("nk", "high", "none").nk("eff", "low", "158V")
                .treat("daratumumab"));
        // eff (CD38-low) survives and still kills: its own small loss is the one modifier of its ADCC.
        assertThat(TestKb.nodes(ev, "AdccModifier")).extracting(n -> n.data().get("reason"))
                .containsExactly("fewer NK cells are left in the patient");
        var vivoHigh = evaluate(scenario("vivo-high").inVivo().myeloma("mm", "high").nk("nk", "high", "158V").treat("daratumumab"));
        assertThat(TestKb.nodes(vivoHigh, "AdccModifier")).as("the loss counted once").extracting(n -> n.data().get("reason"))
                .containsExactly("fewer NK cells are left in the patient");
        assertThat(vivoHigh.outcome().get("adcc")).isNotEqualTo("none");
        assertThat(vivoHigh.explanation().support().get("adcc").weakestEvidence()).isEqualTo("C");
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
