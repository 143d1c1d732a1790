package org.adcckb.cli;

import static org.adcckb.cli.Cli.badInput;
import static org.adcckb.cli.Cli.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adcckb.Shuffle;
import org.adcckb.TestKb;
import org.adcckb.facts.Cd38Scale;
import org.adcckb.facts.Cd38Subset;
import org.adcckb.facts.Cell;
import org.adcckb.kb.Vocabulary;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Populations given by CD38 subsets ({@code "subsets"} in place of {@code "cd38"}): what the reader
 * refuses, the facts it makes ({@code Cd38Subset}s and the cell's mean level), output that does not
 * depend on the order they were given in, their echo in the reports, and edits that replace them.
 */
class SubsetsInputTest {

    private static final Vocabulary VOCABULARY = TestKb.kb().vocabulary();
    private static final Cd38Scale SCALE = VOCABULARY.cd38Scale();
    private static final String NK = "{ \"id\": \"nk\", \"type\": \"nk\", \"cd16\": \"158V\", \"cd38\": \"high\" }";

    @TempDir
    Path temp;

    /** A scenario of NK cells and a myeloma population {@code mm} with the fields {@code mm} after its id and type. */
    private static String scenario(String mm) {
        return "{ \"id\": \"subsets-test\", \"cells\": [ " + NK + ", { \"id\": \"mm\", \"type\": \"myeloma\"" + (mm.isEmpty() ? "" : ", ")
                + mm + " } ], \"treatments\": [ { \"agent\": \"daratumumab\" } ] }\n";
    }

    private static Scenario read(String json) {
        return new ScenarioReader(VOCABULARY).read(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }

    private Path write(String name, String json) throws IOException {
        Path p = temp.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("both", "\"cd38\": \"low\", \"subsets\": [ { \"cd38\": \"low\", \"fraction\": 1 } ]",
                        "$.cells[1].subsets: give either \"cd38\" (one level for the whole population) or \"subsets\" "
                                + "(the CD38 levels of its parts), not both"),
                Arguments.of("neither", "",
                        "$.cells[1]: missing required field 'cd38' (or 'subsets', for a population whose cells carry different CD38 levels)"),
                Arguments.of("not an array", "\"subsets\": { \"low\": 1 }", "$.cells[1].subsets: expected a JSON array, got an object"),
                Arguments.of("empty", "\"subsets\": []", "$.cells[1].subsets: a population given by subsets needs 1 to 8 of them, got none"),
                Arguments.of("nine", "\"subsets\": [ " + String.join(", ", java.util.Collections.nCopies(9,
                                "{ \"cd38\": \"low\", \"fraction\": 0.1 }")) + " ]",
                        "$.cells[1].subsets: 9 subsets, more than the limit of 8; give each CD38 level at most once, with the "
                                + "fraction of the cells that have it"),
                Arguments.of("unknown field", "\"subsets\": [ { \"cd38\": \"low\", \"fracton\": 1 } ]",
                        "$.cells[1].subsets[0].fracton: unknown field 'fracton'; allowed here: cd38, fraction (did you mean 'fraction'?)"),
                Arguments.of("missing fraction", "\"subsets\": [ { \"cd38\": \"low\" } ]",
                        "$.cells[1].subsets[0]: missing required field 'fraction'"),
                Arguments.of("bad level", "\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0.5 }, { \"cd38\": \"hi\", \"fraction\": 0.5 } ]",
                        "$.cells[1].subsets[1].cd38: 'hi' is not a CD38 level; allowed: none, low, medium, high (did you mean 'high'?)"),
                Arguments.of("fraction 0", "\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0 }, { \"cd38\": \"low\", \"fraction\": 1 } ]",
                        "$.cells[1].subsets[0].fraction: a fraction is a number in (0, 1], more than 0 and at most 1, got 0"),
                Arguments.of("fraction above 1", "\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 1.5 } ]",
                        "$.cells[1].subsets[0].fraction: a fraction is a number in (0, 1], more than 0 and at most 1, got 1.5"),
                Arguments.of("negative fraction", "\"subsets\": [ { \"cd38\": \"high\", \"fraction\": -0.2 } ]",
                        "$.cells[1].subsets[0].fraction: a fraction is a number in (0, 1], more than 0 and at most 1, got -0.2"),
                Arguments.of("fraction as text", "\"subsets\": [ { \"cd38\": \"high\", \"fraction\": \"60%\" } ]",
                        "$.cells[1].subsets[0].fraction: expected a number, got the string \"60%\""),
                Arguments.of("sum below 1", "\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0.6 }, { \"cd38\": \"low\", \"fraction\": 0.3 } ]",
                        "$.cells[1].subsets: the fractions sum to 0.9; those of one population sum to 1 (within 0.001)"),
                Arguments.of("sum above 1", "\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0.6 }, { \"cd38\": \"low\", \"fraction\": 0.402 } ]",
                        "$.cells[1].subsets: the fractions sum to 1.002; those of one population sum to 1 (within 0.001)"),
                Arguments.of("one level twice", "\"subsets\": [ { \"cd38\": \"low\", \"fraction\": 0.3 }, { \"cd38\": \"high\", \"fraction\": 0.5 }, "
                                + "{ \"cd38\": \"low\", \"fraction\": 0.2 } ]",
                        "$.cells[1].subsets[2].cd38: CD38 level 'low' is already given at $.cells[1].subsets[0]; each level once: "
                                + "merge the two subsets into one with fraction 0.3 + 0.2 = 0.5"),
                Arguments.of("knockout", "\"cd38Knockout\": true, \"subsets\": [ { \"cd38\": \"none\", \"fraction\": 1 } ]",
                        "$.cells[1].subsets: a CD38 knockout has no CD38 subsets: give \"cd38\": \"none\" with \"cd38Knockout\": true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badSubsetsAreRefusedWithFilePathValueAndWhatIsAllowed(String name, String mm, String message) throws IOException {
        Path f = write(name.replace(' ', '-') + ".json", scenario(mm));
        assertThat(badInput("explain", f.toString()).err()).isEqualTo("adcc: " + f + ": " + message + "\n");
    }

    @Test
    void fractionsMaySumToOneWithinATolerance() {
        assertThat(read(scenario("\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0.333 }, { \"cd38\": \"medium\", \"fraction\": 0.333 }, "
                + "{ \"cd38\": \"low\", \"fraction\": 0.333 } ]")).cell("mm").orElseThrow().subsets()).hasSize(3);
        assertThat(read(scenario("\"subsets\": [ { \"cd38\": \"medium\", \"fraction\": 1 } ]")).cell("mm").orElseThrow().heterogeneous())
                .as("a single subset of the whole population").isTrue();
    }

    @Test
    void eachSubsetBecomesAnInputFactAndTheCellCarriesTheirMeanLevel() {
        Scenario s = read(scenario("\"line\": \"primary\", \"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0.6 }, "
                + "{ \"cd38\": \"low\", \"fraction\": 0.4 } ]"));
        Cell mm = s.cell("mm").orElseThrow();
        assertThat(mm.heterogeneous()).isTrue();
        assertThat(mm.cd38()).as("0.6 x 3.75 + 0.4 x 0.75 = 2.55").isEqualTo("medium");
        assertThat(mm.subsets()).containsExactly(new Cd38Subset("mm", "low", 0.4), new Cd38Subset("mm", "high", 0.6));
        assertThat(s.cell("nk").orElseThrow().heterogeneous()).isFalse();
        assertThat(s.cell("nk").orElseThrow().subsets()).isNull();

        List<Object> facts = Reasoner.inputFacts(s, VOCABULARY);
        assertThat(facts).filteredOn(Cd38Subset.class::isInstance)
                .containsExactly(new Cd38Subset("mm", "low", 0.4), new Cd38Subset("mm", "high", 0.6));
        assertThat(facts).contains(mm);
        Cd38Subset high = new Cd38Subset("mm", "high", 0.6);
        assertThat(high.key()).isEqualTo("subset:mm:high");
        assertThat(high.describe()).isEqualTo("60% of the cells of mm have high CD38");
        assertThat(high.isInput()).isTrue();
        assertThat(mm.describe("myeloma cells", false)).isEqualTo("mm: myeloma cells (primary), CD38 mixed: 40% low, 60% high (mean medium)");
    }

    @Test
    void theMeanLevelIsOverTheCellsThatExpressCd38() {
        assertThat(Cd38Subset.meanLevel(List.of(new Cd38Subset("a", "none", 0.9), new Cd38Subset("a", "high", 0.1)), SCALE))
                .as("a none subset adds nothing and dilutes nothing").isEqualTo("high");
        assertThat(Cd38Subset.meanLevel(List.of(new Cd38Subset("a", "none", 1.0)), SCALE)).isEqualTo("none");
        assertThat(Cd38Subset.meanScore(List.of(new Cd38Subset("a", "none", 1.0)), SCALE)).isNull();
        assertThat(Cd38Subset.meanLevel(List.of(new Cd38Subset("a", "low", 0.5), new Cd38Subset("a", "medium", 0.5)), SCALE))
                .as("1.5, the floor of medium").isEqualTo("medium");
        assertThat(Cd38Subset.meanLevel(List.of(new Cd38Subset("a", "medium", 0.5), new Cd38Subset("a", "high", 0.5)), SCALE))
                .as("3.0, the floor of high").isEqualTo("high");
        assertThat(Cd38Subset.meanLevel(List.of(new Cd38Subset("a", "low", 0.7), new Cd38Subset("a", "high", 0.3)), SCALE))
                .as("1.65").isEqualTo("medium");
        Scenario allNone = read(scenario("\"subsets\": [ { \"cd38\": \"none\", \"fraction\": 1 } ]"));
        assertThat(allNone.cell("mm").orElseThrow().cd38Expressed()).isFalse();
    }

    @Test
    void theOrderOfSubsetsAndOfTheirFieldsChangesNoByte() throws IOException {
        String subsets = "[ { \"cd38\": \"none\", \"fraction\": 0.1 }, { \"cd38\": \"high\", \"fraction\": 0.5 }, "
                + "{ \"fraction\": 0.25, \"cd38\": \"low\" }, { \"cd38\": \"medium\", \"fraction\": 0.15 } ]";
        Path original = write("original.json", scenario("\"subsets\": " + subsets));
        String text = ok("explain", original.toString()).out();
        String json = ok("explain", "--format", "json", original.toString()).out();
        ObjectMapper mapper = new ObjectMapper();
        for (long seed = 1; seed <= 4; seed++) {
            JsonNode root = mapper.readTree(Shuffle.scenario(Files.readAllBytes(original), seed));
            for (JsonNode cell : root.get("cells")) {
                if (cell.has("subsets")) {
                    List<JsonNode> items = new ArrayList<>();
                    cell.get("subsets").forEach(items::add);
                    java.util.Collections.shuffle(items, new java.util.Random(seed));
                    java.util.Collections.rotate(items, (int) seed);
                    ((com.fasterxml.jackson.databind.node.ObjectNode) cell).putArray("subsets").addAll(items);
                }
            }
            Path shuffled = write("shuffled-" + seed + ".json", mapper.writeValueAsString(root));
            assertThat(ok("explain", shuffled.toString()).out()).as("seed %d", seed).isEqualTo(text);
            assertThat(ok("explain", "--format", "json", shuffled.toString()).out()).as("seed %d", seed).isEqualTo(json);
        }
    }

    @Test
    void theReportsEchoTheSubsetsInOrderOfLevel() throws IOException {
        Path f = write("mixed.json", scenario("\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0.6 }, { \"cd38\": \"low\", \"fraction\": 0.4 } ]"));
        JsonNode json = new ObjectMapper().readTree(ok("explain", "--format", "json", f.toString()).out());
        JsonNode mm = json.get("cells").get("mm");
        assertThat(mm.get("subsets").toString()).isEqualTo("[{\"cd38\":\"low\",\"fraction\":0.4},{\"cd38\":\"high\",\"fraction\":0.6}]");
        assertThat(mm.get("cd38Baseline").asText()).isEqualTo("medium");
        List<String> fields = new ArrayList<>();
        mm.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsSubsequence("cd38Baseline", "subsets", "cd38");
        assertThat(json.get("cells").get("nk").has("subsets")).as("a population given by one level").isFalse();

        assertThat(ok("explain", f.toString()).out())
                .contains("mm       myeloma   CD38 mixed: 40% low, 60% high (mean medium)  daratumumab bound medium");
        Path atra = write("mixed-atra.json", scenario("\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0.6 }, { \"cd38\": \"low\", \"fraction\": 0.4 } ]")
                .replace("\"treatments\": [ ", "\"treatments\": [ { \"agent\": \"atra\", \"on\": \"mm\" }, "));
        assertThat(ok("explain", atra.toString()).out()).contains("CD38 mixed: 40% low, 60% high (mean medium) -> high (x3.00)");
    }

    @Test
    void settingACellsCd38ReplacesItsSubsetsAndOtherEditsKeepThem() {
        Scenario s = read(scenario("\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0.6 }, { \"cd38\": \"low\", \"fraction\": 0.4 } ]"));
        Cell set = Edit.applyAll(s, List.of(Edit.set("mm.cd38=low")), VOCABULARY).cell("mm").orElseThrow();
        assertThat(set.heterogeneous()).isFalse();
        assertThat(set.cd38()).isEqualTo("low");
        assertThat(Reasoner.inputFacts(Edit.applyAll(s, List.of(Edit.set("mm.cd38=low")), VOCABULARY), VOCABULARY))
                .noneMatch(Cd38Subset.class::isInstance);

        Cell line = Edit.applyAll(s, List.of(Edit.set("mm.line=patient 7")), VOCABULARY).cell("mm").orElseThrow();
        assertThat(line.subsets()).isEqualTo(s.cell("mm").orElseThrow().subsets());
        assertThat(line.line()).isEqualTo("patient 7");

        Cell knockout = Edit.applyAll(s, List.of(Edit.set("mm.cd38Knockout=true")), VOCABULARY).cell("mm").orElseThrow();
        assertThat(knockout.heterogeneous()).isFalse();
        assertThat(knockout.cd38()).isEqualTo("none");
    }

    @Test
    void whatIfOnTheCommandLineReplacesTheSubsets() throws IOException {
        Path f = write("mixed.json", scenario("\"subsets\": [ { \"cd38\": \"high\", \"fraction\": 0.6 }, { \"cd38\": \"low\", \"fraction\": 0.4 } ]"));
        JsonNode w = new ObjectMapper().readTree(ok("whatif", f.toString(), "--set", "mm.cd38=high", "--format", "json").out());
        assertThat(w.get("baseline").get("cells").get("mm").has("subsets")).isTrue();
        assertThat(w.get("variant").get("cells").get("mm").has("subsets")).isFalse();
        assertThat(w.get("variant").get("cells").get("mm").get("cd38Baseline").asText()).isEqualTo("high");
    }
}
