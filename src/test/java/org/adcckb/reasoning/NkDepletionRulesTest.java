package org.adcckb.reasoning;

import static org.adcckb.TestKb.evaluate;
import static org.adcckb.TestKb.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;

/** NK depletion: by fratricide in vitro and in vivo, and by the antibody itself in patients. */
class NkDepletionRulesTest {

    @Test
    void fratricideDepletesTheStruckPopulationToTheSameGrade() {
        var ev = evaluate(scenario("vitro").nk("nk", "medium", "158V").treat("daratumumab"));
        assertThat(ev.outcome().get("fratricide")).isEqualTo("moderate");
        assertThat(ev.outcome().get("nkDepletion")).isEqualTo("moderate");
        assertThat(ev.cells().get("nk").depletion()).isEqualTo("moderate");
    }

    @Test
    void inPatientsDaratumumabDepletesCd38HighNkCellsEvenWithoutCd16() {
        var ev = evaluate(scenario("vivo").inVivo().nk("nk", "high", "none").treat("daratumumab"));
        assertThat(ev.outcome().get("fratricide")).isEqualTo("none");
        assertThat(ev.outcome().get("nkDepletion")).isEqualTo("high");
        assertThat(TestKb.nodes(ev, "NkDepletion")).singleElement()
                .satisfies(n -> assertThat(n.data()).containsEntry("cause", "in vivo daratumumab"));
    }

    @Test
    void inPatientsCd38LowNkCellsAreSpared() {
        var low = evaluate(scenario("low").inVivo().nk("nk", "low", "none").treat("daratumumab"));
        var high = evaluate(scenario("high").inVivo().nk("nk", "high", "none").treat("daratumumab"));
        assertThat(low.outcome().get("nkDepletion")).isEqualTo("low");
        assertThat(high.outcome().get("nkDepletion")).isEqualTo("high");
    }

    @Test
    void theSameAntibodyInVitroWithoutCd16DepletesNothing() {
        var ev = evaluate(scenario("vitro-cd16-neg").nk("nk", "high", "none").treat("daratumumab"));
        assertThat(ev.outcome().get("nkDepletion")).isEqualTo("none");
    }

    @Test
    void theLargestLossSetsThePopulationsDepletion() {
        var ev = evaluate(scenario("both").inVivo().nk("nk", "high", "158F").treat("daratumumab"));
        // On continued treatment the survivors are CD38-low, so fratricide among them by 158F killers is below low;
        // the loss of the CD38+ NK cells in the patient is high.
        assertThat(TestKb.nodes(ev, "NkDepletion")).extracting(n -> n.data().get("level")).containsExactlyInAnyOrder("none", "high");
        assertThat(ev.cells().get("nk").depletion()).isEqualTo("high");
        assertThat(ev.outcome().get("nkDepletion")).isEqualTo("high");
    }

    @Test
    void maskedOrKnockedOutNkCellsAreNotDepleted() {
        var masked = evaluate(scenario("masked").inVivo().nk92("nk").treat("cd38_nanobody", "nk").treat("daratumumab"));
        var ko = evaluate(scenario("ko").inVivo().knockout("nk", "nk", "158V").treat("daratumumab"));
        assertThat(masked.outcome().get("nkDepletion")).isEqualTo("none");
        assertThat(ko.outcome().get("nkDepletion")).isEqualTo("none");
    }
}
