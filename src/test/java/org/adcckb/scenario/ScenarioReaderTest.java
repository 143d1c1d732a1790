package org.adcckb.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.adcckb.facts.Cell;
import org.adcckb.input.InputException;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The scenario format: what is accepted, and for each bad input the file, JSON path and message. */
class ScenarioReaderTest {

    private static final String ORIGIN = "scenarios/under-test.json";

    /** Two cell populations, daratumumab in the system: the shape of the example. */
    private static final String EXAMPLE = """
            {
              "id": "example",
              "title": "CD38-high myeloma, CD16+ NK cells, daratumumab",
              "cells": [
                { "id": "mm", "type": "myeloma", "cd38": "high" },
                { "id": "nk", "type": "nk", "cd38": "low", "cd16": "158V" }
              ],
              "treatments": [ { "agent": "daratumumab" } ]
            }
            """;

    private static Vocabulary vocabulary;

    @BeforeAll
    static void loadVocabulary() {
        vocabulary = KnowledgeBaseLoader.load(Path.of("rules")).vocabulary();
    }

    private static Scenario read(String json) {
        return new ScenarioReader(vocabulary).read(json.getBytes(StandardCharsets.UTF_8), ORIGIN);
    }

    /** Reads {@code json}, which must be refused; the error always names the file it was given. */
    private static InputException refused(String json) {
        Throwable t = catchThrowable(() -> read(json));
        assertThat(t).as("reading should fail for:%n%s", json).isInstanceOf(InputException.class);
        InputException e = (InputException) t;
        assertThat(e.file()).isEqualTo(ORIGIN);
        assertThat(e.getMessage()).startsWith(ORIGIN + ": ").endsWith(e.detail());
        return e;
    }

    /** The example with {@code cells} replaced, for cell-level errors. */
    private static String withCells(String cellsJson) {
        return "{ \"id\": \"s\", \"cells\": " + cellsJson + " }";
    }

    /** The example (cells mm and nk) with extra top-level members appended. */
    private static String exampleWith(String extraMembers) {
        String trimmed = EXAMPLE.strip();
        return trimmed.substring(0, trimmed.length() - 1) + ", " + extraMembers + " }";
    }

    @Nested
    class Accepted {

        @Test
        void exampleParsesWithDefaults() {
            Scenario s = read(EXAMPLE);

            assertThat(s.id()).isEqualTo("example");
            assertThat(s.title()).isEqualTo("CD38-high myeloma, CD16+ NK cells, daratumumab");
            assertThat(s.setting()).isEqualTo("in_vitro");
            assertThat(s.origin()).isEqualTo(ORIGIN);
            assertThat(s.expectations()).isEmpty();
            assertThat(s.cells()).containsExactly(
                    new Cell("mm", "myeloma", "high", "none", false, null),
                    new Cell("nk", "nk", "low", "158V", false, null));
            assertThat(s.treatments()).containsExactly(new Treatment("daratumumab", null));
        }

        @Test
        void titleSettingAndTreatmentsAreOptional() {
            Scenario s = read(withCells("[ { \"id\": \"nk\", \"type\": \"nk\", \"cd38\": \"high\" } ]"));

            assertThat(s.title()).isNull();
            assertThat(s.setting()).isEqualTo("in_vitro");
            assertThat(s.treatments()).isEmpty();
            assertThat(s.cells()).singleElement().satisfies(c -> {
                assertThat(c.cd16()).isEqualTo("none");
                assertThat(c.cd38Knockout()).isFalse();
            });
        }

        @Test
        void cellsAndTreatmentsAreSortedWhateverTheInputOrder() {
            String json = """
                    {
                      "id": "order",
                      "setting": "in_vivo",
                      "cells": [
                        { "id": "nk2", "type": "nk", "cd38": "low", "cd16": "158F" },
                        { "id": "mm", "type": "myeloma", "cd38": "low", "line": "MM.1S" },
                        { "id": "ko", "type": "myeloma", "cd38": "none", "cd38Knockout": true },
                        { "id": "nk1", "type": "nk", "cd38": "high", "cd16": "158V" }
                      ],
                      "treatments": [
                        { "agent": "ifn_alpha", "on": "mm" },
                        { "agent": "daratumumab" },
                        { "agent": "cd38_nanobody", "on": "nk1" },
                        { "agent": "atra", "on": "mm" }
                      ]
                    }
                    """;
            Scenario s = read(json);

            assertThat(s.setting()).isEqualTo("in_vivo");
            assertThat(s.cells()).extracting(Cell::id).containsExactly("ko", "mm", "nk1", "nk2");
            assertThat(s.treatments()).extracting(Treatment::agent)
                    .containsExactly("atra", "cd38_nanobody", "daratumumab", "ifn_alpha");
            assertThat(s.treatments()).extracting(Treatment::on).containsExactly("mm", "nk1", null, "mm");
            assertThat(s.cell("ko")).hasValueSatisfying(c -> assertThat(c.cd38Knockout()).isTrue());
            assertThat(s.cell("mm")).hasValueSatisfying(c -> assertThat(c.line()).isEqualTo("MM.1S"));
            assertThat(s.cell("nk2")).hasValueSatisfying(c -> assertThat(c.cd16()).isEqualTo("158F"));
        }

        @Test
        void inputOrderDoesNotChangeTheScenario() {
            String forward = withCells("""
                    [ { "id": "a", "type": "myeloma", "cd38": "low" }, { "id": "b", "type": "nk", "cd38": "low" } ],
                    "treatments": [ { "agent": "atra", "on": "a" }, { "agent": "daratumumab" } ]""");
            String backward = withCells("""
                    [ { "id": "b", "type": "nk", "cd38": "low" }, { "id": "a", "type": "myeloma", "cd38": "low" } ],
                    "treatments": [ { "agent": "daratumumab" }, { "agent": "atra", "on": "a" } ]""");

            assertThat(read(backward)).isEqualTo(read(forward));
        }

        @Test
        void expectBlockIsNormalised() {
            Scenario s = read(exampleWith("""
                    "expect": {
                      "findings": ["L04", "L09"],
                      "claim": "a claim",
                      "source": "doi:10.3390/cancers13123072",
                      "outcome": { "adcc": "moderate", "fratricide": ">=low", "nkDepletion": " < high " },
                      "cells": { "mm": { "cd38": "high", "cd38Fold": 3, "binding": { "daratumumab": "<= medium" } },
                                 "nk": { "depletion": "none" } },
                      "compare": [ { "with": "other-scenario", "outcome": { "adcc": "higher" },
                                     "cells": { "nk": { "cd38Fold": "same" } } } ]
                    }"""));

            Expectations x = s.expectations().orElseThrow();
            assertThat(x.findings()).containsExactly("L04", "L09");
            assertThat(x.claim()).isEqualTo("a claim");
            assertThat(x.source()).isEqualTo("doi:10.3390/cancers13123072");
            assertThat(x.outcome()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("adcc", "= moderate", "fratricide", ">= low", "nkDepletion", "< high"));
            assertThat(x.cells()).containsOnlyKeys("mm", "nk");
            assertThat(x.cells().get("mm")).containsExactlyInAnyOrderEntriesOf(
                    Map.of("cd38", "= high", "cd38Fold", "3.0", "binding.daratumumab", "<= medium"));
            assertThat(x.cells().get("nk")).containsExactlyInAnyOrderEntriesOf(Map.of("depletion", "= none"));
            assertThat(x.compare()).singleElement().satisfies(c -> {
                assertThat(c.with()).isEqualTo("other-scenario");
                assertThat(c.outcome()).containsExactlyInAnyOrderEntriesOf(Map.of("adcc", "higher"));
                assertThat(c.cells()).containsExactlyInAnyOrderEntriesOf(Map.of("nk", Map.of("cd38Fold", "same")));
                assertThat(c.path()).isEqualTo("$.expect.compare[0]");
            });
        }

        @Test
        void everyShippedScenarioReadsWithAUniqueId() throws IOException {
            List<Path> files;
            try (Stream<Path> s = Files.list(Path.of("facts/lejeune-2021"))) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            assertThat(files).isNotEmpty();
            ScenarioReader reader = new ScenarioReader(vocabulary);
            List<String> ids = new ArrayList<>();
            for (Path f : files) {
                Scenario s = reader.read(f);
                assertThat(s.origin()).isEqualTo(f.toString());
                assertThat(s.expectations()).as("expect block of %s", f).isPresent();
                ids.add(s.id());
            }
            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Nested
    class MalformedJson {

        @Test
        void reportsLineAndColumnOfTheBadToken() {
            InputException e = refused("{\n  \"id\": \"x\",\n  \"cells\": [ }");

            assertThat(e.where()).isEqualTo("line 3, column 14");
            assertThat(e.detail()).startsWith("malformed JSON: ").contains("'}'");
        }

        @Test
        void reportsAnUnquotedValue() {
            InputException e = refused("{\"id\": x}");

            assertThat(e.where()).isEqualTo("line 1, column 8");
            assertThat(e.detail()).startsWith("malformed JSON: ").contains("'x'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\n", "  \n\t \r\n"})
        void emptyOrWhitespaceOnlyFileIsRefused(String content) {
            InputException e = refused(content);

            assertThat(e.where()).isEmpty();
            assertThat(e.detail()).isEqualTo("the file is empty; expected a JSON object");
            assertThat(e.getMessage()).isEqualTo(ORIGIN + ": the file is empty; expected a JSON object");
        }

        @Test
        void duplicateKeyIsRefusedWithItsLine() {
            InputException e = refused("""
                    {
                      "id": "a",
                      "id": "b",
                      "cells": [ { "id": "mm", "type": "myeloma", "cd38": "low" } ]
                    }""");

            assertThat(e.where()).startsWith("line 3, column ");
            assertThat(e.detail()).startsWith("malformed JSON: ").contains("Duplicate field 'id'");
        }

        @Test
        void duplicateKeyInACellIsRefused() {
            InputException e = refused(withCells("[ { \"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"low\", \"cd38\": \"high\" } ]"));

            assertThat(e.where()).startsWith("line 1, column ");
            assertThat(e.detail()).contains("Duplicate field 'cd38'");
        }

        @Test
        void secondObjectAfterTheScenarioIsRefused() {
            InputException e = refused(EXAMPLE + "\n{}\n");

            assertThat(e.where()).isEqualTo("line " + (EXAMPLE.lines().count() + 2) + ", column 1");
            assertThat(e.detail()).startsWith("malformed JSON: ").containsIgnoringCase("trailing token");
        }

        @Test
        void trailingGarbageAfterTheScenarioIsRefused() {
            String json = EXAMPLE.strip() + " x";
            InputException e = refused(json);

            assertThat(e.where()).isEqualTo("line " + json.lines().count() + ", column 3");
            assertThat(e.detail()).startsWith("malformed JSON: ").contains("'x'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "null", "\"a scenario\"", "42"})
        void topLevelMustBeAnObject(String json) {
            InputException e = refused(json);

            assertThat(e.where()).isEqualTo("$");
            assertThat(e.detail()).startsWith("expected a JSON object, got ");
        }
    }

    @Nested
    class UnknownNames {

        @Test
        void unknownTopLevelFieldListsAllowedFieldsAndSuggests() {
            InputException e = refused(EXAMPLE.replace("\"cells\"", "\"cels\""));

            assertThat(e.where()).isEqualTo("$.cels");
            assertThat(e.detail())
                    .startsWith("unknown field 'cels'")
                    .contains("allowed here: id, title, setting, course, cells, treatments, expect, $comment")
                    .endsWith("(did you mean 'cells'?)");
        }

        @Test
        void unknownFieldFarFromAnyNameGetsNoSuggestion() {
            InputException e = refused(exampleWith("\"patientCohort\": 12"));

            assertThat(e.where()).isEqualTo("$.patientCohort");
            assertThat(e.detail()).startsWith("unknown field 'patientCohort'").doesNotContain("did you mean");
        }

        @Test
        void unknownCellFieldListsAllowedFieldsAndSuggests() {
            InputException e = refused(EXAMPLE.replace("\"cd16\": \"158V\"", "\"cd38Knockut\": false"));

            assertThat(e.where()).isEqualTo("$.cells[1].cd38Knockut");
            assertThat(e.detail())
                    .startsWith("unknown field 'cd38Knockut'")
                    .contains("allowed here: id, type, cd38, subsets, cd16, cd38Knockout, line")
                    .endsWith("(did you mean 'cd38Knockout'?)");
        }

        @Test
        void unknownTreatmentField() {
            InputException e = refused(EXAMPLE.replace("{ \"agent\": \"daratumumab\" }",
                    "{ \"agent\": \"daratumumab\", \"dose\": 16 }"));

            assertThat(e.where()).isEqualTo("$.treatments[0].dose");
            assertThat(e.detail()).startsWith("unknown field 'dose'").contains("allowed here: agent, on");
        }

        @Test
        void unknownAgentListsKnownAgentsAndSuggests() {
            InputException e = refused(EXAMPLE.replace("{ \"agent\": \"daratumumab\" }",
                    "{ \"agent\": \"daratumumab\" }, { \"agent\": \"atr\", \"on\": \"mm\" }"));

            assertThat(e.where()).isEqualTo("$.treatments[1].agent");
            assertThat(e.detail())
                    .startsWith("unknown agent 'atr'")
                    .contains("the knowledge base knows: " + String.join(", ", vocabulary.agentNames()))
                    .contains("atra", "cd38_nanobody", "daratumumab", "ifn_alpha")
                    .endsWith("(did you mean 'atra'?)");
        }

        @Test
        void onNamingNoCellListsTheCells() {
            InputException e = refused(EXAMPLE.replace("{ \"agent\": \"daratumumab\" }",
                    "{ \"agent\": \"atra\", \"on\": \"mn\" }"));

            assertThat(e.where()).isEqualTo("$.treatments[0].on");
            assertThat(e.detail()).isEqualTo("'mn' names no cell of this scenario; cells: mm, nk (did you mean 'mm'?)");
        }
    }

    @Nested
    class BadValues {

        @Test
        void badCd38LevelListsLevelsAndSuggests() {
            InputException e = refused(EXAMPLE.replace("\"cd38\": \"low\"", "\"cd38\": \"hihg\""));

            assertThat(e.where()).isEqualTo("$.cells[1].cd38");
            assertThat(e.detail()).isEqualTo(
                    "'hihg' is not a CD38 level; allowed: none, low, medium, high (did you mean 'high'?)");
        }

        @Test
        void badCd16ValueListsVariants() {
            InputException e = refused(EXAMPLE.replace("\"cd16\": \"158V\"", "\"cd16\": \"V158\""));

            assertThat(e.where()).isEqualTo("$.cells[1].cd16");
            assertThat(e.detail()).startsWith("'V158' is not a CD16 variant; allowed: none, 158F, 158V");
        }

        @Test
        void badCellTypeListsTypes() {
            InputException e = refused(EXAMPLE.replace("\"type\": \"myeloma\"", "\"type\": \"myelom\""));

            assertThat(e.where()).isEqualTo("$.cells[0].type");
            assertThat(e.detail()).isEqualTo(
                    "'myelom' is not a cell type; allowed: myeloma, nk (did you mean 'myeloma'?)");
        }

        @Test
        void cd16OnAMyelomaCellIsRefused() {
            InputException e = refused(withCells(
                    "[ { \"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"high\", \"cd16\": \"158V\" } ]"));

            assertThat(e.where()).isEqualTo("$.cells[0].cd16");
            assertThat(e.detail()).isEqualTo("cd16 is given for a myeloma cell; only nk cells carry CD16 here");
        }

        @Test
        void duplicateCellIdNamesTheEarlierPath() {
            InputException e = refused(withCells("""
                    [ { "id": "mm", "type": "myeloma", "cd38": "low" },
                      { "id": "nk", "type": "nk", "cd38": "low" },
                      { "id": "mm", "type": "myeloma", "cd38": "high" } ]"""));

            assertThat(e.where()).isEqualTo("$.cells[2].id");
            assertThat(e.detail()).isEqualTo("duplicate cell id 'mm', already used at $.cells[0]");
        }

        @Test
        void knockoutWithCd38OtherThanNoneIsRefused() {
            InputException e = refused(withCells(
                    "[ { \"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"low\", \"cd38Knockout\": true } ]"));

            assertThat(e.where()).isEqualTo("$.cells[0].cd38");
            assertThat(e.detail()).contains("CD38 knockout has no CD38").contains("\"cd38\": \"none\"");
        }

        @Test
        void duplicateTreatmentIsRefused() {
            InputException e = refused(EXAMPLE.replace("{ \"agent\": \"daratumumab\" }",
                    "{ \"agent\": \"atra\", \"on\": \"mm\" }, { \"agent\": \"daratumumab\" }, { \"agent\": \"atra\", \"on\": \"mm\" }"));

            assertThat(e.where()).isEqualTo("$.treatments[2]");
            assertThat(e.detail()).startsWith("duplicate treatment atra@mm");
        }

        @Test
        void sameAgentOnTwoPopulationsIsNotADuplicate() {
            Scenario s = read(EXAMPLE.replace("{ \"agent\": \"daratumumab\" }",
                    "{ \"agent\": \"atra\", \"on\": \"nk\" }, { \"agent\": \"atra\", \"on\": \"mm\" }, { \"agent\": \"atra\" }"));

            assertThat(s.treatments()).extracting(Treatment::toString).containsExactly("atra", "atra@mm", "atra@nk");
        }

        @Test
        void badSettingListsSettingsAndSuggests() {
            InputException e = refused(exampleWith("\"setting\": \"in_vivio\""));

            assertThat(e.where()).isEqualTo("$.setting");
            assertThat(e.detail()).isEqualTo(
                    "'in_vivio' is not a setting; allowed: in_vitro, in_vivo (did you mean 'in_vivo'?)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Lejeune2021", "with space", "a/b", ""})
        void badScenarioIdIsRefused(String id) {
            InputException e = refused(EXAMPLE.replace("\"id\": \"example\"", "\"id\": \"" + id + "\""));

            assertThat(e.where()).isEqualTo("$.id");
            assertThat(e.detail()).startsWith("'" + id + "' is not a scenario id")
                    .contains("lower-case letters, digits, '.', '_' and '-'");
        }

        @Test
        void badCellIdIsRefused() {
            InputException e = refused(withCells("[ { \"id\": \"MM\", \"type\": \"myeloma\", \"cd38\": \"low\" } ]"));

            assertThat(e.where()).isEqualTo("$.cells[0].id");
            assertThat(e.detail()).startsWith("'MM' is not a cell id");
        }

        @Test
        void emptyCellsArrayIsRefused() {
            InputException e = refused(withCells("[]"));

            assertThat(e.where()).isEqualTo("$.cells");
            assertThat(e.detail()).isEqualTo("a scenario needs at least one cell population");
        }
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of("{ \"cells\": [ { \"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"low\" } ] }", "$", "id"),
                Arguments.of("{ \"id\": \"s\" }", "$", "cells"),
                Arguments.of("{ \"id\": \"s\", \"cells\": null }", "$", "cells"),
                Arguments.of(withCells("[ { \"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"low\" }, { \"type\": \"nk\", \"cd38\": \"low\" } ]"),
                        "$.cells[1]", "id"),
                Arguments.of(withCells("[ { \"id\": \"mm\", \"type\": \"myeloma\" } ]"), "$.cells[0]", "cd38"),
                Arguments.of(withCells("[ { \"id\": \"mm\", \"cd38\": \"low\" } ]"), "$.cells[0]", "type"),
                Arguments.of(withCells("[ { \"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"low\" } ], \"treatments\": [ { \"on\": \"mm\" } ]"),
                        "$.treatments[0]", "agent"));
    }

    @ParameterizedTest(name = "{2} at {1}")
    @MethodSource("missingFields")
    void missingRequiredFieldIsNamed(String json, String where, String field) {
        InputException e = refused(json);

        assertThat(e.where()).isEqualTo(where);
        assertThat(e.detail()).isEqualTo("missing required field '" + field + "'"
                + ("cd38".equals(field) ? " (or 'subsets', for a population whose cells carry different CD38 levels)" : ""));
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of(withCells("{ \"mm\": { \"type\": \"myeloma\", \"cd38\": \"low\" } }"),
                        "$.cells", "expected a JSON array, got an object"),
                Arguments.of(withCells("[ { \"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"none\", \"cd38Knockout\": \"true\" } ]"),
                        "$.cells[0].cd38Knockout", "expected true or false, got the string \"true\""),
                Arguments.of(withCells("[ \"mm\" ]"), "$.cells[0]", "expected a JSON object, got the string \"mm\""),
                Arguments.of("{ \"id\": 7, \"cells\": [] }", "$.id", "expected a string, got the number 7"),
                Arguments.of(withCells("[ { \"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": 3 } ]"),
                        "$.cells[0].cd38", "expected a string, got the number 3"),
                Arguments.of(withCells("[ { \"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"low\" } ], \"treatments\": { \"agent\": \"atra\" }"),
                        "$.treatments", "expected a JSON array, got an object"),
                Arguments.of(exampleWith("\"expect\": [ \"adcc\" ]"), "$.expect", "expected a JSON object, got an array"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("wrongTypes")
    void wrongJsonTypeIsNamed(String json, String where, String detail) {
        InputException e = refused(json);

        assertThat(e.where()).isEqualTo(where);
        assertThat(e.detail()).isEqualTo(detail);
    }

    @Nested
    class BadExpectations {

        @Test
        void aWhatIfOfItselfIsReadWithItsEditsInCommandOrder() {
            Scenario s = read(exampleWith("\"expect\": { \"whatif\": [ { \"add\": [\"cd38_nanobody@nk\"], "
                    + "\"remove\": [\"daratumumab\"], \"outcome\": { \"fratricide\": \"same\" } } ] }"));

            assertThat(s.expect().whatif()).singleElement().satisfies(w -> {
                assertThat(w.with()).isNull();
                assertThat(w.label()).isEqualTo("remove daratumumab, add cd38_nanobody@nk");
                assertThat(w.outcome()).containsEntry("fratricide", "same");
            });
        }

        @Test
        void aWhatIfWithABadEditNamesTheEdit() {
            InputException e = refused(exampleWith("\"expect\": { \"whatif\": [ { \"add\": [\"atr@mm\"], \"outcome\": { \"adcc\": \"higher\" } } ] }"));

            assertThat(e.where()).isEqualTo("$.expect.whatif[0]");
            assertThat(e.detail()).startsWith("add atr@mm: unknown agent 'atr'").endsWith("(did you mean 'atra'?)");
        }

        @Test
        void aWhatIfNeedsAnEditAndACheck() {
            assertThat(refused(exampleWith("\"expect\": { \"whatif\": [ { \"outcome\": { \"adcc\": \"higher\" } } ] }")).detail())
                    .isEqualTo("a what-if needs at least one edit in 'add', 'remove' or 'set'");
            assertThat(refused(exampleWith("\"expect\": { \"whatif\": [ { \"add\": [\"atra@mm\"] } ] }")).detail())
                    .isEqualTo("a what-if needs at least one 'outcome' or 'cells' check");
            assertThat(refused(exampleWith("\"expect\": { \"whatif\": [ { \"add\": [\"atra on mm\"], \"outcome\": { \"adcc\": \"higher\" } } ] }")).where())
                    .isEqualTo("$.expect.whatif[0].add[0]");
        }

        @Test
        void sourceMustBeADoiOrPmid() {
            InputException e = refused(exampleWith("\"expect\": { \"source\": \"Lejeune 2021\", \"outcome\": { \"adcc\": \"low\" } }"));

            assertThat(e.where()).isEqualTo("$.expect.source");
            assertThat(e.detail()).startsWith("'Lejeune 2021' is not a source").contains("doi:10.xxxx/");
        }

        @Test
        void evidenceIsAProvenanceTag() {
            for (String tag : List.of("READ", "READ-2nd", "RECALL", "INFER")) {
                Scenario s = read(exampleWith("\"expect\": { \"evidence\": \"" + tag + "\", \"outcome\": { \"adcc\": \"low\" } }"));
                assertThat(s.expect().evidence()).isEqualTo(tag);
            }
            assertThat(read(exampleWith("\"expect\": { \"outcome\": { \"adcc\": \"low\" } }")).expect().evidence()).isNull();

            InputException e = refused(exampleWith("\"expect\": { \"evidence\": \"READ-2\", \"outcome\": { \"adcc\": \"low\" } }"));
            assertThat(e.where()).isEqualTo("$.expect.evidence");
            assertThat(e.detail()).isEqualTo("'READ-2' is not a provenance tag; allowed: READ, READ-2nd, RECALL, INFER (did you mean 'READ-2nd'?)");
            assertThat(refused(exampleWith("\"expect\": { \"evidence\": \"A\", \"outcome\": { \"adcc\": \"low\" } }")).detail())
                    .startsWith("'A' is not a provenance tag; allowed: READ, READ-2nd, RECALL, INFER");
            assertThat(refused(exampleWith("\"expect\": { \"evidence\": [\"READ\"], \"outcome\": { \"adcc\": \"low\" } }")).detail())
                    .startsWith("expected a string");
        }

        @Test
        void severalSourcesAreAccepted() {
            Scenario s = read(exampleWith("\"expect\": { \"source\": \"doi:10.3390/cancers13123072; PMID:9242542\", \"outcome\": { \"adcc\": \"low\" } }"));

            assertThat(s.expect().source()).isEqualTo("doi:10.3390/cancers13123072; PMID:9242542");
        }

        @Test
        void depletionIsCheckedOnNkCellsOnly() {
            InputException e = refused(exampleWith("\"expect\": { \"cells\": { \"mm\": { \"depletion\": \"none\" } } }"));

            assertThat(e.where()).isEqualTo("$.expect.cells.mm.depletion");
            assertThat(e.detail()).isEqualTo("depletion is checked on effector cells; 'mm' is a myeloma population");
        }

        @Test
        void bindingIsCheckedForAntibodiesOnly() {
            InputException e = refused(exampleWith("\"expect\": { \"cells\": { \"nk\": { \"binding\": { \"atra\": \"none\" } } } }"));

            assertThat(e.where()).isEqualTo("$.expect.cells.nk.binding.atra");
            assertThat(e.detail()).isEqualTo("'atra' is a modulator, not an antibody; binding is checked for antibodies");
        }

        @Test
        void aScenarioIsNotComparedWithItself() {
            InputException e = refused(exampleWith("\"expect\": { \"compare\": [ { \"with\": \"example\", \"outcome\": { \"adcc\": \"same\" } } ] }"));

            assertThat(e.where()).isEqualTo("$.expect.compare[0].with");
            assertThat(e.detail()).isEqualTo("a scenario cannot be compared with itself");
        }

        @Test
        void unknownOutcomeField() {
            InputException e = refused(exampleWith("\"expect\": { \"outcome\": { \"adc\": \"low\" } }"));

            assertThat(e.where()).isEqualTo("$.expect.outcome.adc");
            assertThat(e.detail()).startsWith("unknown field 'adc'")
                    .contains("allowed here: adcc, fratricide, nkDepletion")
                    .endsWith("(did you mean 'adcc'?)");
        }

        @Test
        void unknownExpectField() {
            InputException e = refused(exampleWith("\"expect\": { \"outcomes\": { \"adcc\": \"low\" } }"));

            assertThat(e.where()).isEqualTo("$.expect.outcomes");
            assertThat(e.detail()).startsWith("unknown field 'outcomes'").endsWith("(did you mean 'outcome'?)");
        }

        @Test
        void badBoundListsGradesAndSuggests() {
            InputException e = refused(exampleWith("\"expect\": { \"outcome\": { \"adcc\": \">= hgh\" } }"));

            assertThat(e.where()).isEqualTo("$.expect.outcome.adcc");
            assertThat(e.detail()).startsWith("'>= hgh' is not an outcome grade")
                    .contains("levels: none, low, moderate, high")
                    .endsWith("(did you mean 'high'?)");
        }

        @Test
        void badOperatorIsRefused() {
            InputException e = refused(exampleWith("\"expect\": { \"outcome\": { \"adcc\": \"=> low\" } }"));

            assertThat(e.where()).isEqualTo("$.expect.outcome.adcc");
            assertThat(e.detail()).startsWith("'=> low' is not an outcome grade");
        }

        @Test
        void cd38CheckUsesTheCd38Scale() {
            InputException e = refused(exampleWith("\"expect\": { \"cells\": { \"mm\": { \"cd38\": \"moderate\" } } }"));

            assertThat(e.where()).isEqualTo("$.expect.cells.mm.cd38");
            assertThat(e.detail()).startsWith("'moderate' is not a CD38 level").contains("levels: none, low, medium, high");
        }

        @Test
        void nonPositiveFoldIsRefused() {
            InputException e = refused(exampleWith("\"expect\": { \"cells\": { \"mm\": { \"cd38Fold\": 0 } } }"));

            assertThat(e.where()).isEqualTo("$.expect.cells.mm.cd38Fold");
            assertThat(e.detail()).startsWith("a fold change is a positive number");
        }

        @Test
        void comparisonWithoutChecks() {
            InputException e = refused(exampleWith("\"expect\": { \"compare\": [ { \"with\": \"other\" } ] }"));

            assertThat(e.where()).isEqualTo("$.expect.compare[0]");
            assertThat(e.detail()).isEqualTo("a comparison needs at least one 'outcome' or 'cells' check");
        }

        @Test
        void expectWithoutAnyCheck() {
            InputException e = refused(exampleWith("\"expect\": { \"claim\": \"something\" }"));

            assertThat(e.where()).isEqualTo("$.expect");
            assertThat(e.detail()).startsWith("an expect block needs at least one check");
        }

        @Test
        void unknownCellInExpectCells() {
            InputException e = refused(exampleWith("\"expect\": { \"cells\": { \"mn\": { \"cd38\": \"low\" } } }"));

            assertThat(e.where()).isEqualTo("$.expect.cells.mn");
            assertThat(e.detail()).isEqualTo("'mn' names no cell of this scenario; cells: mm, nk (did you mean 'mm'?)");
        }

        @Test
        void unknownCellInComparison() {
            InputException e = refused(exampleWith(
                    "\"expect\": { \"compare\": [ { \"with\": \"other\", \"cells\": { \"target\": { \"cd38\": \"higher\" } } } ] }"));

            assertThat(e.where()).isEqualTo("$.expect.compare[0].cells.target");
            assertThat(e.detail()).startsWith("'target' names no cell of this scenario; cells: mm, nk");
        }

        @Test
        void unknownCellCheck() {
            InputException e = refused(exampleWith("\"expect\": { \"cells\": { \"mm\": { \"cd83\": \"low\" } } }"));

            assertThat(e.where()).isEqualTo("$.expect.cells.mm.cd83");
            assertThat(e.detail()).startsWith("unknown field 'cd83'")
                    .contains("allowed here: cd38, cd38Fold, depletion, binding");
        }

        @Test
        void unknownAgentInBindingCheck() {
            InputException e = refused(exampleWith(
                    "\"expect\": { \"cells\": { \"mm\": { \"binding\": { \"daratumumb\": \"high\" } } } }"));

            assertThat(e.where()).isEqualTo("$.expect.cells.mm.binding.daratumumb");
            assertThat(e.detail()).startsWith("unknown agent 'daratumumb'").endsWith("(did you mean 'daratumumab'?)");
        }

        @Test
        void aShortenedAntibodyInABindingCheckSuggestsAnAntibody() {
            InputException e = refused(exampleWith(
                    "\"expect\": { \"cells\": { \"mm\": { \"binding\": { \"dara\": \"high\" } } } }"));

            assertThat(e.detail()).isEqualTo("unknown agent 'dara'; the antibodies the knowledge base knows: "
                    + "daratumumab, isatuximab (did you mean 'daratumumab'?)");
        }

        @Test
        void badDirectionListsDirectionsAndSuggests() {
            InputException e = refused(exampleWith(
                    "\"expect\": { \"compare\": [ { \"with\": \"other\", \"outcome\": { \"adcc\": \"highr\" } } ] }"));

            assertThat(e.where()).isEqualTo("$.expect.compare[0].outcome.adcc");
            assertThat(e.detail()).isEqualTo(
                    "'highr' is not a direction; allowed: higher, lower, same (did you mean 'higher'?)");
        }

        @Test
        void levelInsteadOfDirectionInComparisonIsRefused() {
            InputException e = refused(exampleWith(
                    "\"expect\": { \"compare\": [ { \"with\": \"other\", \"cells\": { \"mm\": { \"cd38\": \"high\" } } } ] }"));

            assertThat(e.where()).isEqualTo("$.expect.compare[0].cells.mm.cd38");
            assertThat(e.detail()).startsWith("'high' is not a direction; allowed: higher, lower, same");
        }

        @Test
        void comparisonWithBadScenarioId() {
            InputException e = refused(exampleWith(
                    "\"expect\": { \"compare\": [ { \"with\": \"Other Scenario\", \"outcome\": { \"adcc\": \"higher\" } } ] }"));

            assertThat(e.where()).isEqualTo("$.expect.compare[0].with");
            assertThat(e.detail()).isEqualTo("'Other Scenario' is not a scenario id");
        }
    }
}
