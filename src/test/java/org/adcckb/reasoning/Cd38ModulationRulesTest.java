package org.adcckb.reasoning;

import static org.adcckb.TestKb.evaluate;
import static org.adcckb.TestKb.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;

/** CD38 up- and down-regulation: the folds of Lejeune 2021, their composition on the log2 scale, and what cannot change. */
class Cd38ModulationRulesTest {

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void atraRaisesMyelomaCd38ThreeFold() {
        var ev = evaluate(scenario("atra").myeloma("mm", "low").treat("atra", "mm"));
        CellState mm = ev.cells().get("mm");
        assertThat(mm.cd38Fold()).isEqualTo(3.0);
        assertThat(mm.cd38Score()).isCloseTo(0.75 + log2(3), within(1e-12));
        assertThat(mm.cd38()).isEqualTo("medium");
        assertThat(TestKb.nodes(ev, "Cd38Modulation")).singleElement()
                .satisfies(n -> assertThat(n.derivations().get(0).rule().name()).isEqualTo("ATRA raises CD38 on myeloma cells about 3-fold"));
    }

    @Test
    void ifnAlphaRaisesMyelomaCd38TwoFoldLessThanAtra() {
        var ifn = evaluate(scenario("ifn").myeloma("mm", "low").treat("ifn_alpha", "mm")).cells().get("mm");
        var atra = evaluate(scenario("atra").myeloma("mm", "low").treat("atra", "mm")).cells().get("mm");
        assertThat(ifn.cd38Fold()).isEqualTo(2.0);
        assertThat(ifn.cd38()).isEqualTo("medium");
        assertThat(atra.cd38Score()).isGreaterThan(ifn.cd38Score());
    }

    @Test
    void foldsOfSeveralAgentsMultiply() {
        var mm = evaluate(scenario("both").myeloma("mm", "low").treat("atra", "mm").treat("ifn_alpha", "mm")).cells().get("mm");
        assertThat(mm.cd38Fold()).isEqualTo(6.0);
        assertThat(mm.cd38Score()).isCloseTo(0.75 + log2(6), within(1e-12));
        assertThat(mm.cd38()).isEqualTo("high");
    }

    @Test
    void theScaleTopsOutAtHighButTheFoldIsStillReported() {
        var mm = evaluate(scenario("top").myeloma("mm", "high").treat("atra", "mm")).cells().get("mm");
        assertThat(mm.cd38()).isEqualTo("high");
        assertThat(mm.cd38Fold()).isEqualTo(3.0);
    }

    @Test
    void anAgentInTheSystemReachesEveryPopulationButOnlyModulatesWhereARuleSaysSo() {
        var atra = evaluate(scenario("sys").myeloma("mm", "low").nk("nk", "low", "158V").treat("atra"));
        assertThat(atra.cells().get("mm").cd38Fold()).isEqualTo(3.0);
        // ATRA raises CD38 on whatever CD38+ cell it reaches, NK cells included (Naeimi Kararoudi 2020).
        assertThat(atra.cells().get("nk").cd38Fold()).isEqualTo(3.0);
        assertThat(atra.cells().get("nk").cd38()).isEqualTo("medium");
        // Whether IFN-alpha raises CD38 on NK cells is not known: the row assumes the fold on myeloma cells, its range
        // starts at no change, and the answer names the unknown.
        var ifn = evaluate(scenario("sys").myeloma("mm", "low").nk("nk", "low", "158V").treat("ifn_alpha").treat("daratumumab"));
        assertThat(ifn.cells().get("mm").cd38Fold()).isEqualTo(2.0);
        assertThat(ifn.cells().get("nk").cd38Fold()).isEqualTo(2.0);
        assertThat(TestKb.nodes(ifn, "Cd38Surface")).filteredOn(n -> "nk".equals(n.data().get("cell"))).singleElement()
                .satisfies(n -> assertThat(n.data()).containsEntry("estimateFrom", 0.75).containsEntry("levelTo", "medium"));
        assertThat(ifn.explanation().support().get("fratricide").unknowns()).extracting(Support.Unknown::question)
                .contains("whether IFN-alpha raises CD38 on NK cells");
    }

    @Test
    void preIncubationReachesOnlyThePopulationNamed() {
        var ev = evaluate(scenario("on-nk").myeloma("mm", "low").nk92("nk").treat("atra", "nk"));
        assertThat(ev.cells().get("mm").cd38Fold()).isEqualTo(1.0);
        assertThat(ev.cells().get("mm").cd38()).isEqualTo("low");
    }

    @Test
    void aKnockoutStaysNegativeWhateverIsAdded() {
        var ev = evaluate(scenario("ko").knockout("mm", "myeloma", "none").treat("atra", "mm").treat("ifn_alpha", "mm"));
        CellState mm = ev.cells().get("mm");
        assertThat(mm.cd38()).isEqualTo("none");
        assertThat(mm.cd38Fold()).isEqualTo(1.0);
        assertThat(mm.cd38Score()).isNull();
        assertThat(TestKb.nodes(ev, "Cd38Modulation")).isEmpty();
        assertThat(TestKb.nodes(ev, "Cd38Surface")).singleElement().satisfies(n -> assertThat(n.derivations().get(0).rule().name())
                .isEqualTo("A CD38 knockout carries no CD38 whatever is added"));
    }

    @Test
    void aCd38NegativePopulationStaysNegative() {
        var mm = evaluate(scenario("neg").myeloma("mm", "none").treat("atra", "mm")).cells().get("mm");
        assertThat(mm.cd38()).isEqualTo("none");
        assertThat(mm.cd38Fold()).isEqualTo(1.0);
    }

    @Test
    void daratumumabLowersMyelomaCd38InPatientsButNotInVitro() {
        var vivo = evaluate(scenario("vivo").inVivo().myeloma("mm", "high").treat("daratumumab")).cells().get("mm");
        assertThat(vivo.cd38Fold()).isEqualTo(0.5);
        assertThat(vivo.cd38()).isEqualTo("medium");
        var vitro = evaluate(scenario("vitro").myeloma("mm", "high").treat("daratumumab")).cells().get("mm");
        assertThat(vitro.cd38Fold()).isEqualTo(1.0);
        assertThat(vitro.cd38()).isEqualTo("high");
    }

    @Test
    void downRegulationBottomsOutAtLowNotNone() {
        var mm = evaluate(scenario("floor").inVivo().myeloma("mm", "low").treat("daratumumab")).cells().get("mm");
        assertThat(mm.cd38Fold()).isEqualTo(0.5);
        assertThat(mm.cd38()).isEqualTo("low");
    }

    @Test
    void anUntreatedPopulationKeepsItsBaseline() {
        var ev = evaluate(scenario("plain").myeloma("mm", "medium"));
        assertThat(ev.cells().get("mm").cd38()).isEqualTo("medium");
        assertThat(ev.cells().get("mm").cd38Fold()).isEqualTo(1.0);
        assertThat(ev.cells().get("mm").cd38Score()).isEqualTo(2.25);
    }
}
