package org.adcckb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.adcckb.facts.Cell;
import org.adcckb.input.InputException;
import org.adcckb.report.JsonReport;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;
import org.junit.jupiter.api.Test;

/**
 * What the Java API refuses: a scenario built in code goes through its questions only if a scenario file could
 * say the same (otherwise the caller gets the reader's message, not a silent answer to something the rules do
 * not know), and arguments out of range are named.
 */
class ApiInputTest {

    private static final AdccKb API = TestKb.api();

    private static Scenario scenario(List<Cell> cells, List<Treatment> treatments) {
        return new Scenario("built", "built in code", "in_vitro", null, cells, treatments, null, null);
    }

    private static Cell myeloma(String cd38) {
        return new Cell("mm", "myeloma", cd38, "none", false, null);
    }

    private static Cell nk() {
        return new Cell("nk", "nk", "high", "158V", false, null);
    }

    @Test
    void aValidScenarioBuiltInCodeGetsTheAnswerOfTheSameFile() {
        Scenario file = API.read(Path.of("facts/lejeune-2021/low-target-dara.json"));
        Scenario built = new Scenario(file.id(), file.title(), file.setting(), file.course(), file.cells(), file.treatments(),
                null, null);
        assertThat(JsonReport.toJson(API.evaluate(built), "f")).isEqualTo(JsonReport.toJson(API.evaluate(file), "f"));
    }

    @Test
    void aScenarioIsReadFromBytesAsFromItsFile() throws java.io.IOException {
        Path path = Path.of("facts/lejeune-2021/low-target-dara.json");
        Scenario bytes = API.read(java.nio.file.Files.readAllBytes(path), "low-target-dara");
        assertThat(JsonReport.toJson(API.evaluate(bytes), "f")).isEqualTo(JsonReport.toJson(API.evaluate(API.read(path)), "f"));
        assertThatThrownBy(() -> API.read("{\"id\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "mine"))
                .isInstanceOf(InputException.class).hasMessage("mine: $: missing required field 'cells'");
    }

    @Test
    void anUnknownAgentIsRefusedWithItsPathAndAHint() {
        Scenario s = scenario(List.of(myeloma("low"), nk()), List.of(new Treatment("daratumab", null)));
        assertThatThrownBy(() -> API.evaluate(s)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("scenario 'built': $.treatments[0].agent: unknown agent 'daratumab'; the knowledge base knows: ")
                .hasMessageEndingWith("(did you mean 'daratumumab'?)");
    }

    @Test
    void aTreatmentOnNoCellTwoCellsOfOneIdAndAnUnknownLevelAreRefused() {
        assertThatThrownBy(() -> API.evaluate(scenario(List.of(myeloma("low"), nk()), List.of(new Treatment("atra", "zz")))))
                .hasMessageStartingWith("scenario 'built': $.treatments[0].on: 'zz' names no cell of this scenario; cells: mm, nk");
        assertThatThrownBy(() -> API.evaluate(scenario(List.of(myeloma("low"), myeloma("high")), List.of())))
                .hasMessage("scenario 'built': $.cells[1].id: duplicate cell id 'mm', already used at $.cells[0]");
        assertThatThrownBy(() -> API.evaluate(scenario(List.of(myeloma("lo"), nk()), List.of())))
                .hasMessage("scenario 'built': $.cells[0].cd38: 'lo' is not a CD38 level; allowed: none, low, medium, high"
                        + " (did you mean 'low'?)");
        assertThatThrownBy(() -> API.evaluate(scenario(List.of(new Cell("mm", "myeloma", "low", "158V", false, null)), List.of())))
                .hasMessageStartingWith("scenario 'built': $.cells[0].cd16: cd16 is given for a myeloma cell");
    }

    @Test
    void aNullFieldIsNamedAsNull() {
        assertThatThrownBy(() -> API.evaluate(scenario(List.of(new Cell("mm", "myeloma", "low", null, false, null)), List.of())))
                .hasMessage("scenario 'built': $.cells[0].cd16: is null; a value is required here");
        Scenario noSetting = new Scenario("built", null, null, null, List.of(nk()), List.of(), null, null);
        assertThatThrownBy(() -> API.evaluate(noSetting)).hasMessage("scenario 'built': $.setting: is null; a value is required here");
    }

    @Test
    void aScenarioReadWithinTheByteLimitIsNotRefusedWhenWrittenOutInFull() {
        // The check writes every field out (setting, an empty treatments list): longer than the file it came from.
        byte[] file = "{\"id\":\"a\",\"cells\":[{\"id\":\"m\",\"type\":\"myeloma\",\"cd38\":\"high\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        AdccKb tight = new AdccKb(TestKb.kb(), org.adcckb.reasoning.RunLimits.DEFAULT,
                new org.adcckb.input.Limits(file.length, 32, 4096, 64, 256));
        Scenario s = tight.read(file, "min.json");
        assertThat(tight.evaluate(s).outcome()).isNotNull();
        assertThat(tight.whatIf(s, List.of(Edit.add("atra@m"))).outcome()).isNotNull();
    }

    @Test
    void everyQuestionChecksItsScenario() {
        Scenario bad = scenario(List.of(myeloma("low"), nk()), List.of(new Treatment("daratumab", null)));
        assertThatThrownBy(() -> API.whatIf(bad, List.of(Edit.add("atra@mm")))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("scenario 'built': $.treatments[0].agent: unknown agent 'daratumab'");
        assertThatThrownBy(() -> API.whyNot(bad, org.adcckb.whatif.Goal.parse("adcc>=moderate", TestKb.kb().vocabulary()), 1))
                .isInstanceOf(InputException.class).hasMessageStartingWith("scenario 'built': $.treatments[0].agent: unknown agent");
        List<org.adcckb.whatif.Factor> factors = org.adcckb.whatif.Factor.parse("atra@mm", bad, TestKb.kb().vocabulary());
        assertThatThrownBy(() -> API.sweep(bad, factors, 1, null)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("scenario 'built': $.treatments[0].agent: unknown agent 'daratumab'");
    }

    @Test
    void argumentsOutOfRangeAreRefused() {
        Scenario s = API.read(Path.of("facts/lejeune-2021/low-target-dara.json"));
        org.adcckb.whatif.Goal goal = org.adcckb.whatif.Goal.parse("adcc>=moderate", TestKb.kb().vocabulary());
        for (int max : new int[] {0, -1, 5}) {
            assertThatThrownBy(() -> API.whyNot(s, goal, max)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxSize must be 1 to 4, got " + max);
        }
        assertThatThrownBy(() -> API.whyNot(s, goal, 2, List.of())).isInstanceOf(InputException.class)
                .hasMessage("--agents: names no agent; give one or more, or leave it out to search every agent");
        assertThatThrownBy(() -> API.sweep(s, List.of(), 0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1, got 0");
        assertThatThrownBy(() -> new Treatment(null, "mm")).isInstanceOf(NullPointerException.class)
                .hasMessage("a treatment needs an agent (null given)");
        assertThatThrownBy(() -> scenario(List.of(nk()), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("a scenario needs a list of treatments, which may be empty (null given)");
    }
}
