package org.adcckb.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.adcckb.TestKb;
import org.adcckb.input.InputException;
import org.adcckb.scenario.Treatment;
import org.junit.jupiter.api.Test;

/** Why-not: the obstacles, the unmet conditions of the rules that would get there, and the smallest interventions. */
class WhyNotTest {

    /** The toolbox of Lejeune 2021: the questions of the paper, answered with its agents. */
    private static final List<String> LEJEUNE = List.of("atra", "ifn_alpha", "cd38_nanobody", "daratumumab");

    private static WhyNot ask(String scenario, String goal, int max) {
        return TestKb.api().whyNot(TestKb.lejeune(scenario), Goal.parse(goal, org.adcckb.TestKb.kb().vocabulary()), max, LEJEUNE);
    }

    @Test
    void theLowTargetWithNk92NamesFratricideAndLowTargetCd38AsObstacles() {
        WhyNot w = ask("low-target-dara", "adcc>=moderate", 3);
        assertThat(w.met()).isFalse();
        assertThat(w.obstacles()).extracting(WhyNot.Obstacle::key)
                .contains("surface:mm", "fratricide:nk>nk:daratumumab");
        assertThat(w.obstacles()).filteredOn(o -> o.key().equals("surface:mm")).singleElement()
                .satisfies(o -> assertThat(o.text()).startsWith("surface CD38 of mm is low"));
    }

    @Test
    void theSmallestAnswersIncludeAtraWithTheNanobody() {
        WhyNot w = ask("low-target-dara", "adcc>=moderate", 3);
        assertThat(w.solutions()).extracting(WhyNot.Solution::added)
                .contains(List.of(new Treatment("atra", "mm"), new Treatment("cd38_nanobody", "nk")));
        assertThat(w.solutions()).allSatisfy(s -> assertThat(s.added()).hasSize(2));
        // Sparing the effectors ranks first among equally small answers.
        assertThat(w.solutions().get(0).added()).contains(new Treatment("cd38_nanobody", "nk"));
        assertThat(w.solutions().get(0).outcome().get("fratricide")).isEqualTo("none");
    }

    @Test
    void solutionsAreMinimalUnderInclusion() {
        WhyNot w = ask("low-target-dara", "adcc=high", 3);
        assertThat(w.solutions()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.added()).hasSize(3);
            assertThat(s.outcome().get("adcc")).isEqualTo("high");
        });
        for (WhyNot.Solution a : w.solutions()) {
            for (WhyNot.Solution b : w.solutions()) {
                if (a != b) {
                    assertThat(b.added().containsAll(a.added())).as("%s inside %s", a.label(), b.label()).isFalse();
                }
            }
        }
        assertThat(w.solutions()).extracting(WhyNot.Solution::label).contains("atra@mm + cd38_nanobody@nk + ifn_alpha@mm");
    }

    @Test
    void whatIsMissingIsNamedByTheFirstUnmetConditionOfItsRule() {
        WhyNot w = ask("low-target-dara", "adcc>=moderate", 3);
        WhyNot.Missing masking = w.missing().stream().filter(m -> m.key().equals("masked:daratumumab@nk:cd38_nanobody"))
                .findFirst().orElseThrow();
        assertThat(masking.rule()).isEqualTo("A blocker masks its CD38 epitope on the population it reaches");
        assertThat(masking.unmet().index()).isEqualTo(2);
        assertThat(masking.unmet().condition()).isEqualTo("Exposure( agent == $blocker, $c : cell )");
        assertThat(masking.unmet().inWords()).isEqualTo("nothing matches: Exposure( agent == $blocker, $c : cell ) "
                + "(for $blocker = cd38_nanobody, $ep = daratumumab or $blocker = dara_fab2, $ep = daratumumab)");
        assertThat(w.missing()).extracting(WhyNot.Missing::key).contains("modulation:atra@mm");
    }

    @Test
    void aMissingAntibodyIsFoundAndExplained() {
        WhyNot w = ask("high-target-no-dara", "adcc>=low", 1);
        assertThat(w.solutions()).extracting(WhyNot.Solution::label).contains("daratumumab", "daratumumab@mm");
        assertThat(w.missing()).anySatisfy(m -> assertThat(m.unmet().inWords()).contains("$ab = daratumumab"));
        assertThat(w.missing().get(0).gainedBy()).isEqualTo(w.solutions().size());
    }

    @Test
    void noneWithinTheLimitStillSaysWhatTheRulesWaitFor() {
        WhyNot w = ask("low-target-dara", "adcc=high", 1);
        assertThat(w.solutions()).isEmpty();
        assertThat(w.evaluated()).isPositive();
        assertThat(w.obstacles()).extracting(WhyNot.Obstacle::change).containsOnly("holds");
        assertThat(w.obstacles()).extracting(WhyNot.Obstacle::key).contains("surface:mm", "fratricide:nk>nk:daratumumab");
        assertThat(org.adcckb.report.WhyNotReport.text(w)).contains("none within 1", "What the outcome rests on now");
    }

    @Test
    void withNothingConcludedTheRulesSayWhatTheyWaitFor() {
        var s = TestKb.scenario("targets-alone").myeloma("mm", "high").treat("daratumumab").build();
        WhyNot w = TestKb.api().whyNot(s, Goal.parse("adcc>=low", org.adcckb.TestKb.kb().vocabulary()), 2);
        assertThat(w.solutions()).isEmpty(); // effectors cannot be added by treatment
        assertThat(w.missing()).anySatisfy(m -> {
            assertThat(m.rule()).isEqualTo("CD16 effectors engage antibody-coated myeloma cells");
            assertThat(m.unmet().condition()).isEqualTo("Cell( type == \"nk\", cd16 != \"none\", $effector : id )");
        });
    }

    @Test
    void aGoalThatHoldsNeedsNothing() {
        WhyNot w = ask("nanobody-high-target", "adcc=high", 3);
        assertThat(w.met()).isTrue();
        assertThat(w.solutions()).isEmpty();
        assertThat(w.evaluated()).isZero();
    }

    @Test
    void lessOfAnOutcomeIsAGoalToo() {
        WhyNot w = ask("nk-dara", "fratricide=none", 3);
        // The nanobody in the whole culture and on its only population do the same: one answer.
        assertThat(w.solutions()).extracting(WhyNot.Solution::label).containsExactly("cd38_nanobody");
        assertThat(w.solutions().get(0).alike()).containsExactly(List.of(new Treatment("cd38_nanobody", "nk")));
        assertThat(w.obstacles()).extracting(WhyNot.Obstacle::key).contains("binding:daratumumab@nk");
    }

    @Test
    void againstCd38HighEffectorsTheBalanceNeedsTheEffectorsMaskedAndTheTargetsRaised() {
        // With NK-92 (CD38 high) fratricide weighs against ADCC (Lejeune 2021): no single agent lifts ADCC of CD38-low
        // targets to moderate; the smallest answers mask the effectors and raise the targets or activate the effectors.
        WhyNot w = TestKb.api().whyNot(TestKb.lejeune("low-target-dara"), Goal.parse("adcc>=moderate", org.adcckb.TestKb.kb().vocabulary()), 3);
        assertThat(w.solutions()).isNotEmpty();
        assertThat(w.solutions()).allSatisfy(s -> assertThat(s.added().size()).isGreaterThanOrEqualTo(2));
        assertThat(w.solutions().get(0).added()).hasSize(2).extracting(Object::toString)
                .containsAnyOf("cd38_nanobody@nk", "dara_fab2@nk");
        assertThat(w.solutions().get(0).outcome().get("fratricide")).isEqualTo("none");
    }

    @Test
    void anUnknownAgentInTheToolboxIsRefused() {
        assertThatThrownBy(() -> TestKb.api().whyNot(TestKb.lejeune("low-target-dara"), Goal.parse("adcc=high", org.adcckb.TestKb.kb().vocabulary()), 1, List.of("atr")))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown agent 'atr'").hasMessageContaining("did you mean 'atra'");
    }

    @Test
    void goalsAreParsedStrictly() {
        assertThat(Goal.parse("adcc>=moderate", org.adcckb.TestKb.kb().vocabulary())).isEqualTo(new Goal("adcc", ">=", "moderate"));
        assertThat(Goal.parse(" fratricide = none ", org.adcckb.TestKb.kb().vocabulary())).isEqualTo(new Goal("fratricide", "=", "none"));
        assertThatThrownBy(() -> Goal.parse("adc=high", org.adcckb.TestKb.kb().vocabulary())).isInstanceOf(InputException.class).hasMessageContaining("did you mean 'adcc'");
        assertThatThrownBy(() -> Goal.parse("adcc=hihg", org.adcckb.TestKb.kb().vocabulary())).isInstanceOf(InputException.class).hasMessageContaining("'hihg' is not a grade");
        assertThatThrownBy(() -> Goal.parse("adcc", org.adcckb.TestKb.kb().vocabulary())).isInstanceOf(InputException.class).hasMessageContaining("expected FIELD=LEVEL");
    }
}
