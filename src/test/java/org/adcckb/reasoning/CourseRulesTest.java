package org.adcckb.reasoning;

import static org.adcckb.TestKb.evaluate;
import static org.adcckb.TestKb.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;

/**
 * The course of treatment in patients (rules/course.drl): the CD38 fall on myeloma cells while the antibody is
 * given, the selective loss of CD38+ NK cells and the survivors' CD38, the effectors of refractory patients, ATRA's
 * transient effect in them, and the antibody clearing once treatment stops.
 */
class CourseRulesTest {

    private static TestKb.Builder patient(String course) {
        return scenario("p-" + course).inVivo().course(course).myeloma("mm", "high").nk("nk", "high", "158V").treat("daratumumab");
    }

    @Test
    void whileTheAntibodyIsGivenMyelomaCd38FallsAndReturnsAfterItStops() {
        for (String course : new String[] {"first_dose", "on_treatment", "refractory"}) {
            assertThat(evaluate(patient(course)).cells().get("mm").cd38()).as(course).isEqualTo("medium");
        }
        Evaluation stopped = evaluate(patient("after_stop"));
        assertThat(stopped.cells().get("mm").cd38()).isEqualTo("high");
        assertThat(stopped.outcome().get("adcc")).as("the antibody has cleared").isEqualTo("none");
        assertThat(stopped.outcome().get("nkDepletion")).as("NK cells recovered").isEqualTo("none");
        assertThat(TestKb.nodes(stopped, "AntibodyCleared")).extracting(Node::key).containsExactly("cleared:daratumumab");
    }

    @Test
    void theFirstDoseMeetsTheWholePopulationAndContinuedTreatmentOnlyItsSurvivors() {
        Evaluation first = evaluate(patient("first_dose"));
        Evaluation on = evaluate(patient("on_treatment"));
        assertThat(first.cells().get("nk").cd38()).isEqualTo("high");
        assertThat(on.cells().get("nk").cd38()).as("the CD38-low survivors").isEqualTo("low");
        assertThat(first.outcome().get("fratricide")).isEqualTo("high");
        assertThat(on.outcome().score("fratricide")).isLessThan(first.outcome().score("fratricide"));
        assertThat(first.outcome().get("nkDepletion")).isEqualTo("high");
        assertThat(on.outcome().get("nkDepletion")).isEqualTo("high");
        assertThat(on.outcome().score("adcc")).as("the survivors keep killing").isGreaterThan(first.outcome().score("adcc"));
    }

    @Test
    void givenSubsetsLoseTheirCd38PositiveShare() {
        Evaluation ev = evaluate(scenario("mixed").inVivo().myeloma("mm", "high").mixed("nk", "nk", "158V", "high", 0.5, "low", 0.5)
                .treat("daratumumab"));
        assertThat(TestKb.nodes(ev, "Survivors")).singleElement().satisfies(n -> {
            assertThat(n.data()).containsEntry("lost", 0.55).containsEntry("cd38", "low");
            assertThat(n.derivations().get(0).rule().name()).isEqualTo("In patients, an Fc anti-CD38 antibody removes the CD38+ NK cells it coats");
        });
        assertThat(ev.explanation().support().get("nkDepletion").unknowns()).as("no assumed mixture for given subsets").isEmpty();
    }

    @Test
    void refractoryPatientsHaveImpairedEffectorsAndAtraIsNoRescue() {
        Evaluation refractory = evaluate(patient("refractory"));
        Evaluation on = evaluate(patient("on_treatment"));
        assertThat(refractory.outcome().score("adcc")).isLessThan(on.outcome().score("adcc"));
        Evaluation withAtra = evaluate(patient("refractory").treat("atra", "mm"));
        assertThat(withAtra.cells().get("mm").cd38Fold()).as("transient: far less than the 3-fold in vitro").isLessThan(1.0);
        assertThat(withAtra.outcome().get("adcc")).isEqualTo(refractory.outcome().get("adcc"));
        assertThat(withAtra.explanation().support().get("adcc").unknowns()).extracting(Support.Unknown::question)
                .contains("how much of ATRA's CD38 rise lasts in refractory patients while daratumumab is given");
    }

    @Test
    void maskingTheNkCellsSparesThemInPatientsToo() {
        Evaluation masked = evaluate(patient("on_treatment").treat("cd38_nanobody", "nk"));
        assertThat(TestKb.nodes(masked, "Survivors")).isEmpty();
        assertThat(masked.outcome().get("nkDepletion")).isEqualTo("none");
        assertThat(masked.cells().get("nk").cd38()).isEqualTo("high");
    }
}
