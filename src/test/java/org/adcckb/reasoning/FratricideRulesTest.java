package org.adcckb.reasoning;

import static org.adcckb.TestKb.evaluate;
import static org.adcckb.TestKb.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NK fratricide: an Fc antibody on NK CD38 plus CD16-positive killers, graded by the victims' CD38 and the killers' CD16. */
class FratricideRulesTest {

    @ParameterizedTest(name = "NK CD38 {0}, CD16 {1} -> fratricide {2} ({3} to {4})")
    @CsvSource({
        "high,   158V, high,     moderate, high",
        "medium, 158V, moderate, low,      high",
        "low,    158V, low,      none,     moderate",
        "high,   158F, moderate, low,      high",
        "medium, 158F, low,      none,     moderate",
        "low,    158F, none,     none,     low",
        "high,   none, none,     none,     none",
        "none,   158V, none,     none,     none",
    })
    void gradedByEffectorCd38AndCd16(String cd38, String cd16, String expected, String from, String to) {
        var ev = evaluate(scenario("f").nk("nk", cd38, cd16).treat("daratumumab"));
        assertThat(ev.outcome().get("fratricide")).isEqualTo(expected);
        assertThat(ev.outcome().grading("fratricide").from()).as("lowest grade the knowledge allows").isEqualTo(from);
        assertThat(ev.outcome().grading("fratricide").to()).as("highest grade the knowledge allows").isEqualTo(to);
    }

    @Test
    void noAntibodyNoFratricide() {
        var ev = evaluate(scenario("none").nk92("nk").treat("atra").treat("ifn_alpha").treat("cd38_nanobody"));
        assertThat(ev.outcome().get("fratricide")).isEqualTo("none");
        assertThat(TestKb.nodes(ev, "Fratricide")).isEmpty();
    }

    @Test
    void aKnockoutEffectorKillsCoatedWildTypeNkCellsButIsNeverKilled() {
        var ev = evaluate(scenario("mixed").knockout("ko", "nk", "158V").nk("wt", "high", "none").treat("daratumumab"));
        assertThat(TestKb.nodes(ev, "Fratricide")).singleElement().satisfies(n -> {
            assertThat(n.data()).containsEntry("killer", "ko").containsEntry("victim", "wt").containsEntry("level", "high");
        });
        assertThat(ev.cells().get("ko").depletion()).isEqualTo("none");
        assertThat(ev.cells().get("wt").depletion()).isEqualTo("high");
    }

    @Test
    void cd16NegativeNkCellsAreVictimsButNeverKillers() {
        var ev = evaluate(scenario("victims").nk("a", "high", "none").nk("b", "high", "none").treat("daratumumab"));
        assertThat(ev.outcome().get("fratricide")).isEqualTo("none");
    }

    @Test
    void maskingTheEffectorsBluntsFratricide() {
        var masked = evaluate(scenario("m").nk92("nk").treat("daratumumab").treat("cd38_nanobody", "nk"));
        var open = evaluate(scenario("o").nk92("nk").treat("daratumumab"));
        assertThat(open.outcome().get("fratricide")).isEqualTo("high");
        assertThat(masked.outcome().get("fratricide")).isEqualTo("none");
    }

    @Test
    void fratricideIsDerivedFromTheVictimsAntibodyLoad() {
        var ev = evaluate(scenario("why").nk92("nk").treat("daratumumab"));
        var node = TestKb.nodes(ev, "Fratricide").get(0);
        assertThat(node.derivations()).singleElement().satisfies(d -> {
            assertThat(d.rule().name()).isEqualTo("CD16 effectors kill NK cells coated with an Fc antibody");
            assertThat(d.premises()).contains("binding:daratumumab@nk", "cell:nk", "agent:daratumumab");
        });
    }
}
