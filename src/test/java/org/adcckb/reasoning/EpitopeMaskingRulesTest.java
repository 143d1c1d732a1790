package org.adcckb.reasoning;

import static org.adcckb.TestKb.evaluate;
import static org.adcckb.TestKb.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;

/** The blocking nanobody masks the daratumumab epitope on the population it is given to, and only there. */
class EpitopeMaskingRulesTest {

    @Test
    void nanobodyOnNkCellsKeepsDaratumumabOffThemButNotOffTheTargets() {
        var ev = evaluate(scenario("mask").myeloma("mm", "high").nk92("nk").treat("daratumumab").treat("cd38_nanobody", "nk"));
        assertThat(ev.cells().get("nk").binding()).containsEntry("daratumumab", "none");
        assertThat(ev.cells().get("mm").binding()).containsEntry("daratumumab", "high");
        assertThat(TestKb.nodes(ev, "EpitopeMasked")).singleElement()
                .satisfies(n -> assertThat(n.data()).containsEntry("cell", "nk").containsEntry("agent", "cd38_nanobody"));
        assertThat(TestKb.nodes(ev, "AntibodyBinding")).filteredOn(n -> "nk".equals(n.data().get("cell")))
                .singleElement().satisfies(n -> {
                    assertThat(n.data()).containsEntry("maskedBy", "cd38_nanobody");
                    assertThat(n.derivations()).extracting(d -> d.rule().name()).containsExactly("A masked epitope keeps the antibody off");
                });
    }

    @Test
    void maskingDoesNotChangeSurfaceCd38() {
        var ev = evaluate(scenario("surface").nk92("nk").treat("cd38_nanobody", "nk").treat("daratumumab"));
        assertThat(ev.cells().get("nk").cd38()).isEqualTo("high");
    }

    @Test
    void nanobodyInTheWholeSystemAlsoMasksTheTargetsAndSoBlocksAdcc() {
        var ev = evaluate(scenario("everywhere").myeloma("mm", "high").nk92("nk").treat("daratumumab").treat("cd38_nanobody"));
        assertThat(ev.cells().get("mm").binding()).containsEntry("daratumumab", "none");
        assertThat(ev.outcome().get("adcc")).isEqualTo("none");
        assertThat(ev.outcome().get("fratricide")).isEqualTo("none");
    }

    @Test
    void aPopulationWithoutCd38HasNothingToMask() {
        var ev = evaluate(scenario("ko").knockout("nk", "nk", "158V").treat("cd38_nanobody", "nk").treat("daratumumab"));
        assertThat(TestKb.nodes(ev, "EpitopeMasked")).isEmpty();
        assertThat(ev.cells().get("nk").binding()).containsEntry("daratumumab", "none");
    }

    @Test
    void theAntibodyLoadFollowsSurfaceCd38AfterModulation() {
        var ev = evaluate(scenario("load").myeloma("mm", "low").treat("atra", "mm").treat("daratumumab"));
        assertThat(ev.cells().get("mm").binding()).containsEntry("daratumumab", "medium");
    }

    @Test
    void daratumumabPreIncubatedOnTheTargetsNeverReachesTheEffectors() {
        var ev = evaluate(scenario("coated").myeloma("mm", "high").nk92("nk").treat("daratumumab", "mm"));
        assertThat(ev.cells().get("nk").binding()).doesNotContainKey("daratumumab");
        assertThat(ev.outcome().get("fratricide")).isEqualTo("none");
        assertThat(ev.outcome().get("adcc")).isEqualTo("high");
    }

    @Test
    void aBlockerWithoutAnAntibodyMasksButNothingIsBound() {
        var ev = evaluate(scenario("alone").nk92("nk").treat("cd38_nanobody", "nk"));
        assertThat(TestKb.nodes(ev, "EpitopeMasked")).hasSize(1);
        assertThat(TestKb.nodes(ev, "AntibodyBinding")).isEmpty();
    }
}
