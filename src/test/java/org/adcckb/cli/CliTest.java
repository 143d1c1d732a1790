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
import java.util.HashSet;
import java.util.List;
import org.adcckb.cli.Cli.Run;
import java.util.Set;
import java.util.stream.Stream;
import org.adcckb.facts.Levels;
import org.adcckb.kb.Evidence;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.kb.RuleInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line, run in-process: exit codes, what goes to stdout and what to stderr. */
class CliTest {

    private static final String FACTS = "facts/lejeune-2021";
    private static final String ATRA = FACTS + "/atra-low-target.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> GRADES = Set.copyOf(Levels.GRADES);

    private static KnowledgeBase kb;
    private static List<Path> factFiles;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadKnowledgeBase() throws IOException {
        kb = KnowledgeBaseLoader.load(Path.of("rules"));
        try (Stream<Path> s = Files.list(Path.of(FACTS))) {
            factFiles = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private Path write(String name, String content) throws IOException {
        Path f = temp.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private Path copyFact(String fileName, Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.copy(Path.of(FACTS, fileName), dir.resolve(fileName));
    }

    // ---------------------------------------------------------------- explain

    @Test
    void explainTextShowsOutcomeAndSources() {
        Run r = run("explain", ATRA);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .startsWith("Scenario lejeune2021-atra-low-target\n")
                .contains("\nOutcome\n")
                .containsPattern("\n  ADCC +(none|low|moderate|high)( \\([^)]*\\))?\n")
                .contains("Why ADCC is ")
                .contains("by rule \"")
                .containsPattern("doi:10\\.\\d{4,9}/\\S+")
                .contains("doi:10.3390/cancers13123072  https://doi.org/10.3390/cancers13123072");
    }

    @Test
    void explainJsonGivesOutcomeCellsAndDerivations() throws IOException {
        Run r = run("explain", "--format", "json", ATRA);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.path("scenario").asText()).isEqualTo("lejeune2021-atra-low-target");
        assertThat(root.path("rulesFingerprint").asText()).isEqualTo(kb.fingerprint());

        JsonNode outcome = root.path("outcome");
        for (String f : List.of("adcc", "fratricide", "nkDepletion")) {
            assertThat(outcome.path(f).isTextual()).as("outcome.%s is text", f).isTrue();
            assertThat(outcome.path(f).asText()).as("outcome.%s", f).isIn(GRADES);
        }

        JsonNode cells = root.path("cells");
        assertThat(iterable(cells.fieldNames())).containsExactlyInAnyOrder("mm", "nk");
        for (JsonNode cell : cells) {
            assertThat(cell.path("cd38").asText()).isIn(Levels.CD38);
            assertThat(cell.path("cd38Fold").isNumber()).as("cd38Fold is a number in %s", cell).isTrue();
            assertThat(cell.path("cd38Fold").asDouble()).isPositive();
        }

        JsonNode facts = root.path("explanation").path("facts");
        assertThat(facts.isArray()).isTrue();
        assertThat(facts.size()).isPositive();
        Set<String> ids = new HashSet<>();
        facts.forEach(f -> ids.add(f.path("id").asText()));
        int derived = 0;
        Set<String> rulesUsed = new java.util.TreeSet<>();
        for (JsonNode fact : facts) {
            if (fact.path("input").asBoolean()) {
                assertThat(fact.has("derivations")).isFalse();
                continue;
            }
            derived++;
            JsonNode derivations = fact.path("derivations");
            assertThat(derivations.isArray()).isTrue();
            assertThat(derivations.size()).as("derivations of %s", fact.path("id")).isPositive();
            for (JsonNode d : derivations) {
                assertThat(names(d)).containsExactly("rule", "premises");
                String rule = d.path("rule").asText();
                assertThat(kb.rule(rule)).as("rule %s", rule).isPresent();
                rulesUsed.add(rule);
                assertThat(d.path("premises").isArray()).isTrue();
                assertThat(d.path("premises").size()).isPositive();
                d.path("premises").forEach(p -> assertThat(ids).as("premise ids").contains(p.asText()));
            }
        }
        assertThat(derived).isPositive();
        // Each rule a derivation names is described once, under explanation.rules, and no other.
        JsonNode rules = root.path("explanation").path("rules");
        assertThat(iterable(rules.fieldNames())).containsExactlyElementsOf(rulesUsed);
        for (String name : rulesUsed) {
            JsonNode described = rules.path(name);
            RuleInfo info = kb.rule(name).orElseThrow();
            assertThat(described.path("file").asText()).isEqualTo(info.file());
            assertThat(described.path("line").asInt()).isEqualTo(info.line());
            assertThat(described.path("sources").isArray()).isTrue();
            assertThat(described.path("sources").size()).isPositive();
            described.path("sources").forEach(src -> assertThat(Evidence.isSource(src.asText())).as(src.asText()).isTrue());
            assertThat(described.path("evidence").asText()).isIn(Evidence.GRADES.keySet());
            assertThat(described.path("rationale").asText()).isEqualTo(info.rationale()).isNotBlank();
        }
        // Vocabulary facts appear only where a derivation rests on them.
        Set<String> premises = new HashSet<>();
        facts.forEach(f -> f.path("derivations").forEach(d -> d.path("premises").forEach(p -> premises.add(p.asText()))));
        facts.forEach(f -> {
            if (Set.of("Agent", "Cd38Scale").contains(f.path("type").asText())) {
                assertThat(premises).as("vocabulary fact %s is a premise", f.path("id").asText()).contains(f.path("id").asText());
            }
        });
        assertThat(iterable(root.path("explanation").path("outcome").fieldNames())).isNotEmpty()
                .allSatisfy(f -> assertThat(f).isIn("adcc", "fratricide", "nkDepletion"));
    }

    @Test
    void explainJsonIsTheSameOnEveryRun() {
        Run first = run("explain", "--format", "json", ATRA);
        Run second = run("explain", "-f", "json", ATRA);

        assertThat(second.out()).isEqualTo(first.out()).isNotEmpty();
    }

    @Test
    void explainJsonlGivesOneObjectPerScenarioSortedById() throws IOException {
        Run r = run("explain", "--format", "jsonl", FACTS);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).endsWith("\n");
        List<String> lines = r.outLines();
        assertThat(lines).hasSizeGreaterThan(1).hasSize(factFiles.size());
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertThat(n.isObject()).isTrue();
            assertThat(n.path("outcome").path("adcc").asText()).isIn(GRADES);
            ids.add(n.path("scenario").asText());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id.startsWith("lejeune2021-"));
        assertThat(ids).contains("lejeune2021-atra-low-target", "lejeune2021-nk-dara");
    }

    @Test
    void explainJsonRefusesSeveralScenarios() {
        Run r = badInput("explain", "--format", "json", FACTS);

        assertThat(r.err()).startsWith("adcc: --format json: ").contains(factFiles.size() + " given").contains("--format jsonl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "jsonl"})
    void badScenarioAmongGoodOnesWritesNothingToStdout(String format) throws IOException {
        Path dir = temp.resolve("mixed");
        copyFact("atra-low-target.json", dir);
        copyFact("nk-dara.json", dir);
        Path bad = write("mixed/zz-bad.json", """
                {
                  "id": "zz-bad",
                  "cells": [ { "id": "mm", "type": "myeloma", "cd38": "hihg" } ]
                }
                """);

        Run r = badInput("explain", "--format", format, dir.toString());

        assertThat(r.err()).isEqualTo("adcc: " + bad + ": $.cells[0].cd38: 'hihg' is not a CD38 level; "
                + "allowed: none, low, medium, high (did you mean 'high'?)\n");
    }

    @Test
    void malformedScenarioNamesLineAndColumn() throws IOException {
        Path bad = write("broken.json", "{\n  \"id\": \"x\",\n  \"cells\": [ }\n");

        Run r = badInput("explain", bad.toString());

        assertThat(r.err()).startsWith("adcc: " + bad + ": line 3, column 14: malformed JSON");
    }

    @Test
    void twoFilesWithOneScenarioIdAreRefused() throws IOException {
        Path copy = copyFact("nk-dara.json", temp.resolve("copy"));

        Run r = badInput("explain", FACTS + "/nk-dara.json", copy.toString());

        assertThat(r.err()).contains("$.id").contains("scenario id 'lejeune2021-nk-dara' is also used by");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = badInput("explain", "--bogus", ATRA);

        assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Try 'adcc explain --help' for more.").doesNotContain("Usage:");
    }

    @Test
    void aUsageErrorIsItsMessageAndOneHintNotTheHelp() {
        Run r = badInput("explain", "--formt", "json", ATRA);

        assertThat(r.err().lines().toList()).containsExactly(
                "adcc: Unknown option: '--formt'",
                "adcc: did you mean --format?",
                "Try 'adcc explain --help' for more.");
    }

    @Test
    void aSuggestionFarFromWhatWasTypedIsLeftOut() {
        assertThat(badInput("generate-completon").err()).contains("adcc: did you mean generate-completion?");
        assertThat(badInput("summarize", ATRA).err().lines().toList()).containsExactly(
                "adcc: Unmatched arguments from index 0: 'summarize', '" + ATRA + "'",
                "Try 'adcc --help' for more.");
        assertThat(Main.nearMiss("--max", "--max-firings")).isTrue();
        assertThat(Main.nearMiss("explan", "explain")).isTrue();
        assertThat(Main.nearMiss("generate-completion", "whatif")).isFalse();
    }

    @Test
    void generateCompletionPrintsAScriptNamingTheCommands() {
        String script = Cli.ok("generate-completion").out();

        assertThat(script).startsWith("#!/usr/bin/env bash").contains("complete -F")
                .contains("explain", "batch", "whatif", "sweep", "whynot", "serve", "rules", "lint", "test", "validate")
                .contains("--max-bytes", "--format");
    }

    @Test
    void generateCompletionAndGenManpageRefuseWhatTheyCannotUse() throws java.io.IOException {
        assertThat(badInput("generate-completion", "--bogus").err()).startsWith("adcc: Unknown option: '--bogus'");
        assertThat(badInput("generate-completion", "extra").err()).contains("'extra'");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("adcc-cli", ".txt");
        try {
            assertThat(badInput("gen-manpage", "--outdir", file.toString()).err())
                    .startsWith("adcc: --outdir " + file + ": is not a directory\n");
            assertThat(badInput("gen-manpage", "--outdir", file.resolve("man").toString()).err())
                    .startsWith("adcc: --outdir " + file.resolve("man") + ": cannot be created: Not a directory\n");
            // Help is help: nothing checked, nothing made.
            assertThat(Cli.ok("gen-manpage", "--outdir", file.toString(), "--help").out()).startsWith("Usage: adcc gen-manpage");
            java.nio.file.Path unmade = file.resolveSibling(file.getFileName() + "-dir").resolve("man");
            assertThat(Cli.ok("gen-manpage", "--outdir", unmade.toString(), "--help").out()).startsWith("Usage: adcc gen-manpage");
            assertThat(unmade.getParent()).doesNotExist();
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void aMissingCommandPointsToTheTopLevelHelp() {
        Run r = badInput();

        assertThat(r.err().lines().toList()).hasSize(2).last().isEqualTo("Try 'adcc --help' for more.");
    }

    @Test
    void theLimitsHaveTheirOwnSectionsOnlyOnTheCommandsThatUseThem() {
        String explain = Cli.ok("explain", "--help").out();
        assertThat(explain.indexOf("--rules=DIR")).isLessThan(explain.indexOf("Input limits:"));
        assertThat(explain.substring(explain.indexOf("Input limits:"))).contains("--max-bytes=N", "--max-treatments=N");
        assertThat(explain.substring(explain.indexOf("Run limits:"))).contains("--max-firings=N", "--max-millis=MS");

        String lint = Cli.ok("lint", "--help").out();
        assertThat(lint).contains("Run limits:").doesNotContain("Input limits:").doesNotContain("--max-bytes");
        assertThat(Cli.ok("rules", "--help").out()).doesNotContain("--max-").doesNotContain("limits:");
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run r = badInput("explain", "--format", "yaml", ATRA);

        assertThat(r.err()).contains("yaml").contains("text, json, jsonl");
    }

    @Test
    void missingCommandIsAUsageError() {
        Run r = badInput();

        assertThat(r.err()).contains("a command is required");
    }

    @Test
    void missingFileIsRefused() {
        String missing = temp.resolve("no-such-scenario.json").toString();

        Run r = badInput("explain", missing);

        assertThat(r.err()).isEqualTo("adcc: " + missing + ": no such file or directory\n");
    }

    @Test
    void directoryWithoutScenariosIsRefused() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        Run r = badInput("explain", empty.toString());

        assertThat(r.err()).contains(empty.toString()).contains("holds no scenario (.json) files");
    }

    @Test
    void brokenRulesDirectoryIsReportedWithFileAndLine() throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path f : s.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Path drl = rules.resolve("adcc.drl");
        List<String> lines = new ArrayList<>(Files.readAllLines(drl));
        int header = lines.indexOf("rule \"CD16-158F effectors mediate less ADCC than 158V\"");
        assertThat(header).isNotNegative();
        assertThat(lines.get(header + 2)).isEqualTo("    @evidence(\"B\")");
        lines.set(header + 2, "    @evidence(\"Z\")");
        Files.write(drl, lines);

        for (String command : List.of("explain", "test", "rules")) {
            List<String> args = new ArrayList<>(List.of(command, "--rules", rules.toString()));
            if (!command.equals("rules")) {
                args.add(ATRA);
            }
            Run r = badInput(args.toArray(String[]::new));

            assertThat(r.err()).as(command).isEqualTo("adcc: " + drl + ":" + (header + 1)
                    + ": rule \"CD16-158F effectors mediate less ADCC than 158V\": @evidence 'Z' is not a grade; allowed: A, B, C\n");
        }
    }

    @Test
    void rulesDirectoryThatDoesNotExistIsRefused() {
        String missing = temp.resolve("nowhere").toString();

        Run r = badInput("rules", "--rules", missing);

        assertThat(r.err()).startsWith("adcc: " + missing + ": not a directory");
    }

    @Test
    void maxFiringsMustBePositive() {
        Run r = badInput("explain", "--max-firings", "0", ATRA);

        assertThat(r.err()).isEqualTo("adcc: --max-firings: must be a positive number, got 0\n");
    }

    @Test
    void debugPrintsTheStackTraceOfBadInput() {
        String missing = temp.resolve("no-such-scenario.json").toString();

        for (String[] args : List.of(new String[] {"explain", "--debug", missing},
                new String[] {"--debug", "explain", missing})) {
            Run r = run(args);

            assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("adcc: " + missing + ": no such file or directory\n")
                    .contains("InputException").contains("\tat ");
        }
    }

    @Test
    void aLimitOutOfRangeIsNamedWithItsValue() {
        String f = FACTS + "/atra-low-target.json";
        assertThat(badInput("explain", f, "--max-cells", "-1").err()).isEqualTo("adcc: --max-cells: must be at least 1, got -1\n");
        assertThat(badInput("explain", f, "--max-depth", "1").err()).isEqualTo("adcc: --max-depth: must be at least 2, got 1\n");
        assertThat(badInput("batch", "--max-bytes", "0", "-").err()).isEqualTo("adcc: --max-bytes: must be at least 1, got 0\n");
        assertThat(badInput("explain", f, "--max-treatments", "-2").err())
                .isEqualTo("adcc: --max-treatments: must be at least 0, got -2\n");
    }

    @Test
    void versionNamesTheProgram() {
        Run r = run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("adcc-kb ");
        assertThat(r.err()).isEmpty();
        // Every command's help offers -V, --version: each prints the same.
        for (String[] args : new String[][] {{"explain", "--version"}, {"batch", "-V"}, {"daemon", "status", "--version"},
                {"generate-completion", "--version"}, {"gen-manpage", "--version"}}) {
            Run sub = run(args);
            assertThat(sub.exit()).as(String.join(" ", args)).isZero();
            assertThat(sub.out()).as(String.join(" ", args)).isEqualTo(r.out());
        }
    }

    // ---------------------------------------------------------------- rules

    @Test
    void rulesListsEveryRuleWithEvidenceAndSources() {
        Run r = run("rules");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).isEqualTo(kb.rules().size() + " rules in rules");
        assertThat(lines.stream().filter(l -> l.matches(" {2}\\d+: \".*\""))).hasSize(kb.rules().size());
        for (RuleInfo rule : kb.rules()) {
            int at = lines.indexOf("  " + rule.line() + ": \"" + rule.name() + "\"");
            assertThat(at).as("line listing %s", rule.name()).isPositive();
            assertThat(lines.get(at + 1)).as("evidence of %s", rule.name())
                    .startsWith("      evidence " + rule.evidence())
                    .endsWith("  " + String.join("; ", rule.sources()));
            assertThat(lines.get(at + 2)).isEqualTo("      " + rule.rationale());
        }
        assertThat(lines.get(lines.size() - 2)).isEqualTo("Agents: atra, cd38_nanobody, dara_fab2, daratumumab, ifn_alpha, ifn_gamma, il6, isatuximab, lenalidomide, panobinostat, pomalidomide, ruxolitinib");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Outcomes: adcc (ADCC, higher is better), fratricide (fratricide, lower is better),"
                + " nkDepletion (NK depletion, lower is better)");
    }

    @Test
    void rulesJsonParsesAndMatchesTheKnowledgeBase() throws IOException {
        Run r = run("rules", "--format", "json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.path("fingerprint").asText()).isEqualTo(kb.fingerprint());
        JsonNode rules = root.path("rules");
        assertThat(rules.size()).isEqualTo(kb.rules().size());
        for (int i = 0; i < rules.size(); i++) {
            JsonNode n = rules.get(i);
            RuleInfo rule = kb.rules().get(i);
            assertThat(n.path("name").asText()).isEqualTo(rule.name());
            assertThat(n.path("line").asInt()).isEqualTo(rule.line());
            assertThat(n.path("evidence").asText()).isEqualTo(rule.evidence());
            List<String> sources = new ArrayList<>();
            n.path("sources").forEach(s -> sources.add(s.asText()));
            assertThat(sources).isEqualTo(rule.sources()).isNotEmpty();
            assertThat(n.path("rationale").asText()).isEqualTo(rule.rationale());
        }
        List<String> agents = new ArrayList<>();
        root.path("agents").forEach(a -> agents.add(a.path("name").asText()));
        assertThat(agents).containsExactly("atra", "cd38_nanobody", "dara_fab2", "daratumumab", "ifn_alpha", "ifn_gamma", "il6", "isatuximab", "lenalidomide", "panobinostat", "pomalidomide", "ruxolitinib");
    }

    // ---------------------------------------------------------------- test

    @Test
    void testPassesOnTheShippedScenarios() {
        Run r = run("test", FACTS);

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.outLines();
        long ok = lines.stream().filter(l -> l.startsWith("ok ")).count();
        assertThat(ok).isPositive();
        assertThat(lines).noneMatch(l -> l.startsWith("FAIL"));
        assertThat(lines).hasSize((int) ok + 1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(ok + " passed, 0 failed");
    }

    @Test
    void failingExpectationExitsThreeWithAFailLine() throws IOException {
        Path scenario = write("failing/myeloma-alone.json", """
                {
                  "id": "myeloma-alone",
                  "cells": [ { "id": "mm", "type": "myeloma", "cd38": "high" } ],
                  "expect": {
                    "findings": ["X1"],
                    "outcome": { "adcc": "high", "fratricide": "none" }
                  }
                }
                """);

        Run r = run("test", scenario.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(Main.FAILED_CHECKS);
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).containsExactly(
                "FAIL X1  myeloma-alone: outcome.adcc = high  (got none)",
                "ok   X1  myeloma-alone: outcome.fratricide = none",
                "1 passed, 1 failed");
    }

    @Test
    void comparisonWithAScenarioNotInTheRunIsBadInput() throws IOException {
        Path scenario = write("compare/lonely.json", """
                {
                  "id": "lonely",
                  "cells": [ { "id": "mm", "type": "myeloma", "cd38": "high" } ],
                  "expect": { "compare": [ { "with": "absent-scenario", "outcome": { "adcc": "same" } } ] }
                }
                """);

        Run r = badInput("test", scenario.toString());

        assertThat(r.err()).isEqualTo("adcc: " + scenario + ": $.expect.compare[0].with: compares with scenario "
                + "'absent-scenario', which is not among the scenarios of this run; give its file too\n");
    }

    @Test
    void testRefusesABadScenario() throws IOException {
        Path dir = temp.resolve("test-mixed");
        copyFact("nk-dara.json", dir);
        Path bad = write("test-mixed/unknown-agent.json", """
                { "id": "unknown-agent", "cells": [ { "id": "mm", "type": "myeloma", "cd38": "low" } ],
                  "treatments": [ { "agent": "atr" } ] }
                """);

        Run r = badInput("test", dir.toString());

        assertThat(r.err()).startsWith("adcc: " + bad + ": $.treatments[0].agent: unknown agent 'atr'")
                .contains("(did you mean 'atra'?)");
    }

    private static Iterable<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
