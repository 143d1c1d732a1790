package org.adcckb.cli;

import static org.adcckb.cli.Cli.badInput;
import static org.adcckb.cli.Cli.ok;
import static org.adcckb.cli.Cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.cli.Cli.Run;
import java.util.Set;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code adcc whynot}, run in-process: obstacles, unmet conditions and minimal solutions, and refused goals. */
class WhyNotCommandTest {

    /** The agents of Lejeune 2021: its questions answered with its toolbox. */
    private static final String LEJEUNE = "atra,ifn_alpha,cd38_nanobody,daratumumab";

    private static final String LOW = "facts/lejeune-2021/low-target-dara.json";
    private static final String NANOBODY_HIGH = "facts/lejeune-2021/nanobody-high-target.json";
    private static final List<String> GRADES = List.of("none", "low", "moderate", "high");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    // ---------------------------------------------------------------- answers

    @Test
    void textNamesTheObstaclesAndTheSmallestSolutions() {
        Run r = ok("whynot", LOW, "--agents", LEJEUNE, "--goal", "adcc>=moderate");

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Why not adcc>=moderate in lejeune2021-low-target-dara? Now adcc is none (none to low).");
        assertThat(lines).containsSubsequence(
                "What stands in the way (conclusions on the path to the goal that the answers remove or change)",
                "Answers: the smallest sets of added treatments that reach adcc>=moderate, best outcome first",
                "How answer 1 gets there",
                "What the answers add (conclusions the goal needs that no rule can draw now)");
        // The target's low CD38 and the NK cells killing each other are what the answers have to move.
        assertThat(lines).anyMatch(l -> l.startsWith("  - surface CD38 of mm is low") && l.endsWith(": changed by every answer"));
        assertThat(lines).anyMatch(l -> l.startsWith("  - ") && l.contains("fratricide") && l.matches(".*: removed by \\d+ of \\d+ answers"));
        // The rule that waits, without its condition as code unless asked for.
        assertThat(r.out()).contains("  - atra raises CD38 on mm about 3-fold: added by 3 of 5 answers\n"
                + "      rule \"ATRA raises CD38 on myeloma cells about 3-fold\" (cd38-modulators.csv:10) waits for its condition 2 of 3\n")
                .doesNotContain("Exposure(");
        assertThat(ok("whynot", LOW, "--agents", LEJEUNE, "--goal", "adcc>=moderate", "--conditions").out())
                .contains("(cd38-modulators.csv:10) waits for its condition 2 of 3: nothing matches: Exposure(agent == \"atra\", $c : cell, $a : agent)\n");

        assertThat(lines).contains("(193 sets of up to 3 evaluated; 5 answers)");
        assertThat(lines).contains("  2. Add atra to mm and cd38_nanobody to nk. Outcome: ADCC moderate (low to high), fratricide none, NK depletion none.");
        assertThat(lines).filteredOn(l -> l.matches(" {2}\\d+\\. .*")).hasSize(5)
                .allMatch(l -> l.matches(" {2}\\d+\\. Add \\S+ to (the whole system|\\S+) and \\S+ to (the whole system|\\S+)\\. Outcome: .*\\."));
        // Each answer says how sure it is.
        assertThat(lines).filteredOn(l -> l.startsWith("     How sure: ")).hasSize(5);
        // The chain of the first answer, in sentences: the edit, then "so" for each step, a full stop at the end.
        assertThat(r.out()).contains("  - nk was pre-incubated with cd38_nanobody and washed,\n"
                + "      so cd38_nanobody masks the daratumumab epitope of CD38 on nk,\n");
        assertThat(r.out()).contains("      so ADCC of nk against mm with daratumumab: moderate (low to high) (was: none (none to low)).\n");
    }

    @Test
    void topShowsTheBestAnswersAndSaysHowManyThereAre() throws IOException {
        Run r = ok("whynot", LOW, "--agents", LEJEUNE, "--goal", "adcc>=moderate", "--top", "2");

        assertThat(r.out()).contains("(193 sets of up to 3 evaluated; 5 answers, the best 2 shown; --top N shows more)\n")
                .contains("What the answers shown add");
        assertThat(r.out().lines().filter(l -> l.matches(" {2}\\d+\\. .*"))).hasSize(2);
        JsonNode root = JSON.readTree(ok("whynot", LOW, "--agents", LEJEUNE, "--goal", "adcc>=moderate", "--top", "2", "-f", "json").out());
        assertThat(root.path("found").asInt()).isEqualTo(5);
        assertThat(root.path("solutions").size()).isEqualTo(2);
        assertThat(badInput("whynot", LOW, "--goal", "adcc=high", "--top", "0").err()).isEqualTo("adcc: --top: must be 1 or more, got 0\n");
    }

    @Test
    void anAgentAndItsOnlyTargetAreOneAnswer() throws IOException {
        // The nanobody on NK cells alone, in a culture of NK cells alone, is the nanobody in the whole culture.
        Run r = ok("whynot", "facts/lejeune-2021/nk-dara.json", "--goal", "fratricide=none", "-f", "json");
        JsonNode solutions = JSON.readTree(r.out()).path("solutions");
        assertThat(texts(solutions.get(0).path("added"))).containsExactly("cd38_nanobody");
        assertThat(solutions.get(0).path("alike").toString()).isEqualTo("[[\"cd38_nanobody@nk\"]]");
        assertThat(ok("whynot", "facts/lejeune-2021/nk-dara.json", "--goal", "fratricide=none").out())
                .contains("     Adding cd38_nanobody to nk instead does the same.\n");
    }

    @Test
    void jsonHasTheGoalObstaclesMissingConditionsAndSolutions() throws IOException {
        Run r = ok("whynot", LOW, "--agents", LEJEUNE, "--goal", "adcc>=moderate", "-f", "json");
        Run text = ok("whynot", LOW, "--agents", LEJEUNE, "--goal", "adcc>=moderate");

        JsonNode root = JSON.readTree(r.out());
        assertThat(root.path("scenario").asText()).isEqualTo("lejeune2021-low-target-dara");
        assertThat(root.path("goal").asText()).isEqualTo("adcc>=moderate");
        assertThat(root.path("now").asText()).isEqualTo("none");
        assertThat(root.path("met").isBoolean()).isTrue();
        assertThat(root.path("met").asBoolean()).isFalse();
        assertThat(root.path("maxSize").asInt()).isEqualTo(3);
        assertThat(root.path("evaluated").asInt()).isPositive();
        assertThat(root.path("rulesFingerprint").asText()).isEqualTo(TestKb.kb().fingerprint());

        JsonNode solutions = root.path("solutions");
        assertThat(solutions.isArray()).isTrue();
        assertThat(solutions.size()).isPositive();
        List<Set<String>> sets = new ArrayList<>();
        for (JsonNode s : solutions) {
            List<String> added = texts(s.path("added"));
            assertThat(added).isNotEmpty().hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates().doesNotContain("daratumumab");
            sets.add(Set.copyOf(added));
            assertThat(GRADES.indexOf(s.path("outcome").path("adcc").asText()))
                    .as("%s reaches the goal", added).isGreaterThanOrEqualTo(GRADES.indexOf("moderate"));
            assertThat(s.path("outcome").path("fratricide").asText()).isIn(GRADES);
            List<String> chains = texts(s.path("chains"));
            assertThat(chains).as("chains of %s", added).isNotEmpty()
                    .allMatch(c -> c.startsWith("added: ")
                            && c.matches(".* -> ADCC of nk against mm with daratumumab: (moderate|high) \\([a-z]+ to [a-z]+\\) \\(was: none \\(none to low\\)\\)"));
        }
        assertThat(sets).contains(Set.of("atra@mm", "cd38_nanobody@nk"), Set.of("ifn_alpha@mm", "cd38_nanobody@nk"));
        for (Set<String> a : sets) {
            for (Set<String> b : sets) {
                assertThat(a != b && a.containsAll(b)).as("%s is minimal, %s lies inside", a, b).isFalse();
            }
        }
        // Text and JSON list the same solutions.
        assertThat(text.out().lines().filter(l -> l.matches(" {2}\\d+\\. .*"))).hasSize(solutions.size());
        assertThat(root.path("found").asInt()).isEqualTo(solutions.size());
        for (JsonNode s : solutions) {
            assertThat(s.path("alike").isArray()).isTrue();
            assertThat(s.path("support").path("adcc").path("weakestEvidence").asText()).isIn("A", "B", "C");
            assertThat(s.path("support").path("adcc").path("inferredSteps").asInt()).isNotNegative();
        }

        JsonNode obstacles = root.path("obstacles");
        assertThat(obstacles.size()).isPositive();
        List<String> obstacleIds = new ArrayList<>();
        for (JsonNode o : obstacles) {
            obstacleIds.add(o.path("id").asText());
            assertThat(o.path("text").asText()).isNotBlank();
            assertThat(o.path("change").asText()).isIn("lost", "changed");
            assertThat(o.path("movedBy").asInt()).isBetween(1, solutions.size());
        }
        assertThat(obstacleIds).contains("surface:mm", "binding:daratumumab@mm", "fratricide:nk>nk:daratumumab");
        assertThat(texts(obstacles, "movedBy").stream().map(Integer::parseInt).toList())
                .as("most often moved first").isSortedAccordingTo((a, b) -> b - a);

        JsonNode missing = root.path("missing");
        assertThat(missing.size()).isPositive();
        List<String> missingIds = new ArrayList<>();
        for (JsonNode m : missing) {
            missingIds.add(m.path("id").asText());
            assertThat(m.path("text").asText()).isNotBlank();
            assertThat(TestKb.kb().rule(m.path("rule").asText())).as("rule of %s", m.path("id")).isPresent();
            JsonNode u = m.path("unmet");
            assertThat(u.path("file").asText()).matches(".+\\.(drl|csv)");
            assertThat(u.path("line").asInt()).isPositive();
            assertThat(u.path("condition").asInt()).isBetween(1, u.path("of").asInt());
            assertThat(u.path("text").asText()).isNotBlank();
            assertThat(u.path("negated").isBoolean()).isTrue();
            assertThat(u.path("inWords").asText())
                    .startsWith(u.path("negated").asBoolean() ? "present, but must be absent: " : "nothing matches: ");
            assertThat(u.path("bindings").isArray()).isTrue();
        }
        assertThat(missingIds).contains("modulation:atra@mm", "masked:daratumumab@nk:cd38_nanobody");
    }

    @Test
    void aGoalThatAlreadyHoldsSaysSo() throws IOException {
        Run r = ok("whynot", NANOBODY_HIGH, "--goal", "adcc=high");

        assertThat(r.out()).isEqualTo("adcc=high already holds in lejeune2021-nanobody-high-target: adcc is high (moderate to high). "
                + "Nothing to explain or change.\n");

        JsonNode root = JSON.readTree(ok("whynot", NANOBODY_HIGH, "--goal", "adcc=high", "-f", "json").out());
        assertThat(root.path("met").asBoolean()).isTrue();
        assertThat(root.path("now").asText()).isEqualTo("high");
        assertThat(root.path("obstacles").size()).isZero();
        assertThat(root.path("missing").size()).isZero();
        assertThat(root.path("solutions").size()).isZero();
        assertThat(root.path("evaluated").asInt()).isZero();
    }

    @Test
    void noSolutionWithinTheLimitIsSaidPlainly() throws IOException {
        Run r = ok("whynot", LOW, "--agents", LEJEUNE, "--goal", "adcc=high", "--max", "1");

        // 4 agents, each in the system or on one of 2 cells, less the daratumumab already given: 11 single additions.
        assertThat(r.out()).contains("\nNo set of up to 1 added treatments reaches adcc=high (11 sets evaluated): none within 1.\n")
                .contains("\nWhat the outcome rests on now (what would have to change)\n")
                .contains("\n  - surface CD38 of mm is low")
                .doesNotContain("Answers:");

        JsonNode root = JSON.readTree(ok("whynot", LOW, "--agents", LEJEUNE, "--goal", "adcc=high", "--max", "1", "-f", "json").out());
        assertThat(root.path("met").asBoolean()).isFalse();
        assertThat(root.path("solutions").size()).isZero();
        assertThat(root.path("maxSize").asInt()).isEqualTo(1);
        assertThat(root.path("evaluated").asInt()).isEqualTo(11);
        assertThat(texts(root.path("obstacles"), "change")).isNotEmpty().containsOnly("holds");
    }

    @Test
    void aGoalOnAnotherOutcome() {
        Run r = ok("whynot", LOW, "--goal", "fratricide<=low", "--max", "1");

        assertThat(r.out()).startsWith("Why not fratricide<=low in lejeune2021-low-target-dara? Now fratricide is high (moderate to high).\n")
                .contains("\n  1. Add cd38_nanobody to nk. Outcome: ADCC low (none to moderate), fratricide none, NK depletion none.\n");
    }

    // ---------------------------------------------------------------- bad input

    static Stream<Arguments> refusedGoals() {
        return Stream.of(
                Arguments.of("adc=high", "adcc: --goal adc=high: 'adc' is not an outcome; outcomes: adcc, fratricide, nkDepletion (did you mean 'adcc'?)\n"),
                Arguments.of("nkdepletion<=low", "adcc: --goal nkdepletion<=low: 'nkdepletion' is not an outcome; outcomes: adcc, fratricide, nkDepletion (did you mean 'nkDepletion'?)\n"),
                Arguments.of("adcc=hihg", "adcc: --goal adcc=hihg: 'hihg' is not a grade; grades: none, low, moderate, high (did you mean 'high'?)\n"),
                Arguments.of("adcc>=medium", "adcc: --goal adcc>=medium: 'medium' is not a grade; grades: none, low, moderate, high\n"),
                Arguments.of("adcc", "adcc: --goal adcc: expected FIELD=LEVEL or FIELD>=LEVEL (also <=, >, <): an outcome kind of the vocabulary and one of none, low, moderate, high\n"),
                Arguments.of("adcc=>high", "adcc: --goal adcc=>high: expected FIELD=LEVEL or FIELD>=LEVEL (also <=, >, <): an outcome kind of the vocabulary and one of none, low, moderate, high\n"),
                Arguments.of("", "adcc: --goal : expected FIELD=LEVEL or FIELD>=LEVEL (also <=, >, <): an outcome kind of the vocabulary and one of none, low, moderate, high\n"));
    }

    @ParameterizedTest
    @MethodSource("refusedGoals")
    void aBadGoalIsRefusedWithAMessageAndNoOutput(String goal, String message) {
        Run r = badInput("whynot", LOW, "--goal", goal);

        assertThat(r.err()).isEqualTo(message);
    }

    @Test
    void maxMustBeOneToFour() {
        assertThat(badInput("whynot", LOW, "--goal", "adcc>=moderate", "--max", "0").err())
                .isEqualTo("adcc: --max: must be 1 to 4, got 0\n");
        assertThat(badInput("whynot", LOW, "--goal", "adcc>=moderate", "--max", "9", "-f", "json").err())
                .isEqualTo("adcc: --max: must be 1 to 4, got 9\n");
    }

    @Test
    void goalIsRequired() {
        Run r = badInput("whynot", LOW);

        assertThat(r.err()).contains("Missing required option: '--goal=FIELD(=|>=|<=|>|<)LEVEL'").contains("Try 'adcc whynot --help' for more.").doesNotContain("Usage:");
    }

    @Test
    void aScenarioFileWithAnErrorIsRefused() throws IOException {
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, """
                { "id": "bad", "cells": [ { "id": "mm", "type": "myeloma", "cd38": "low" } ],
                  "treatments": [ { "agent": "atra", "on": "nk" } ] }
                """, StandardCharsets.UTF_8);

        Run r = badInput("whynot", bad.toString(), "--goal", "adcc=high");

        assertThat(r.err()).startsWith("adcc: " + bad + ": $.treatments[0].on: ").contains("'nk'");
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("array: %s", array).isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
