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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.adcckb.cli.Cli.Run;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code adcc whatif}, run in-process: the difference an edit makes, as text and JSON, and refused edits. */
class WhatIfCommandTest {

    private static final String LOW = "facts/lejeune-2021/low-target-dara.json";
    private static final String ATRA = "facts/lejeune-2021/atra-low-target.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OUTCOME_PATHS = List.of("outcome.adcc", "outcome.fratricide", "outcome.nkDepletion");

    @TempDir
    Path temp;

    private Path write(String name, String content) throws IOException {
        Path f = temp.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    // ---------------------------------------------------------------- text

    @Test
    void textShowsEachOutcomeWithItsDirectionAndTheChainsToIt() {
        Run r = ok("whatif", LOW, "--add", "atra@mm", "--add", "cd38_nanobody@nk");

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("What if: add atra@mm, add cd38_nanobody@nk   (scenario lejeune2021-low-target-dara)");
        assertThat(lines).containsSubsequence("Outcome", "Cells", "How the change reaches each outcome",
                "What changed, and why (+ new, - gone, ~ changed)", "Sources");
        assertThat(r.out())
                .containsPattern("\n  ADCC +none +moderate +increased\n")
                .containsPattern("\n  fratricide +high +none +decreased\n")
                .containsPattern("\n  NK depletion +high +none +decreased\n")
                .containsPattern("\n  mm CD38 +low +medium +increased\n")
                .containsPattern("\n  nk bound daratumumab +high +none +decreased\n")
                .doesNotContain("No outcome changes.");

        // Each changed outcome has a chain: the edit first, then one conclusion per line.
        assertThat(r.out())
                .contains("\n  ADCC none -> moderate, through atra@mm:\n"
                        + "       added: mm was pre-incubated with atra and washed\n"
                        + "    -> atra raises CD38 on mm about 3-fold\n")
                .contains("\n  fratricide high -> none:\n"
                        + "       added: nk was pre-incubated with cd38_nanobody and washed\n"
                        + "    -> cd38_nanobody masks the daratumumab epitope of CD38 on nk\n")
                .contains("\n  NK depletion high -> none:\n")
                .contains("    -> no longer: NK cells of nk are depleted by fratricide: high (moderate to high)\n")
                .contains("    -> ADCC of nk against mm with daratumumab: moderate (low to high) (was: none (none to low))\n");
        // The conclusions gained, lost and changed, each with the rule and its source.
        // A cause points at the changes it rests on by their numbers, never by the engine's fact keys.
        java.util.regex.Matcher atra = java.util.regex.Pattern.compile("\n  \\+ \\[\\d+\\] atra raises CD38 on mm about 3-fold\n"
                + "      by rule \"ATRA raises CD38 on myeloma cells about 3-fold\" \\(doi:10.3390/cancers13123072\\), because of \\[(\\d+)\\]\n")
                .matcher(r.out());
        assertThat(atra.find()).as("the ATRA conclusion and its cause").isTrue();
        assertThat(r.out()).contains("\n  + [" + atra.group(1) + "] mm was pre-incubated with atra and washed\n")
                .doesNotContain("exposure:").doesNotContain("because of:");
        assertThat(r.out())
                .containsPattern("\n  - \\[\\d+\\] NK cells of nk kill each other through daratumumab \\(fratricide\\): high \\(moderate to high\\)\n")
                .contains("  doi:10.3390/cancers13123072  https://doi.org/10.3390/cancers13123072\n");
    }

    @Test
    void anEditThatChangesNoOutcomeSaysSoAndHasNoChains() {
        Run r = ok("whatif", LOW, "--set", "nk.line=another NK line");

        assertThat(r.out()).contains("\nNo outcome changes.\n")
                .containsPattern("\n  ADCC +none +none +unchanged\n")
                .doesNotContain("How the change reaches each outcome");
    }

    // ---------------------------------------------------------------- json

    @Test
    void jsonHasBothEvaluationsAndEveryChange() throws IOException {
        Run r = ok("whatif", "-f", "json", LOW, "--add", "atra@mm", "--add", "cd38_nanobody@nk");

        JsonNode root = JSON.readTree(r.out());
        assertThat(root.path("scenario").asText()).isEqualTo("lejeune2021-low-target-dara");
        assertThat(texts(root.path("edits"))).containsExactly("add atra@mm", "add cd38_nanobody@nk");
        assertThat(root.path("rulesFingerprint").asText()).isEqualTo(TestKb.kb().fingerprint());

        // Baseline and variant are complete explain objects.
        JsonNode baseline = root.path("baseline");
        JsonNode variant = root.path("variant");
        for (JsonNode ev : List.of(baseline, variant)) {
            assertThat(ev.path("scenario").asText()).isEqualTo("lejeune2021-low-target-dara");
            assertThat(ev.path("outcome").isObject()).isTrue();
            assertThat(names(ev.path("cells"))).containsExactly("mm", "nk");
            assertThat(ev.path("explanation").path("facts").size()).isPositive();
        }
        assertThat(texts(baseline.path("treatments"))).containsExactly("daratumumab");
        assertThat(texts(variant.path("treatments"))).containsExactly("atra@mm", "cd38_nanobody@nk", "daratumumab");
        assertThat(baseline.path("outcome").path("adcc").asText()).isEqualTo("none");
        assertThat(variant.path("outcome").path("adcc").asText()).isEqualTo("moderate");
        assertThat(baseline.path("cells").path("mm").path("cd38").asText()).isEqualTo("low");
        assertThat(variant.path("cells").path("mm").path("cd38").asText()).isEqualTo("medium");

        JsonNode changes = root.path("changes");
        assertThat(names(changes)).containsExactly("outcome", "cells", "conclusions", "chains");

        // Outcome: all three, agreeing with the two evaluations.
        JsonNode outcome = changes.path("outcome");
        assertThat(outcome.size()).as("grade, range and score of each of the three outcomes").isEqualTo(9);
        List<String> paths = new ArrayList<>();
        for (JsonNode c : outcome) {
            assertThat(names(c)).containsExactly("path", "from", "to", "direction");
            if (!c.path("path").asText().startsWith("outcome.")) {
                assertThat(c.path("path").asText()).matches("outcome(Range|Score)\\.(adcc|fratricide|nkDepletion)");
                continue;
            }
            String field = c.path("path").asText().substring("outcome.".length());
            assertThat(c.path("from").asText()).isEqualTo(baseline.path("outcome").path(field).asText());
            assertThat(c.path("to").asText()).isEqualTo(variant.path("outcome").path(field).asText());
            paths.add(c.path("path").asText());
        }
        assertThat(paths).isEqualTo(OUTCOME_PATHS);
        assertThat(change(outcome, "outcome.adcc")).isEqualTo("none -> moderate increased");
        assertThat(change(outcome, "outcome.fratricide")).isEqualTo("high -> none decreased");
        assertThat(change(outcome, "outcome.nkDepletion")).isEqualTo("high -> none decreased");

        // Cells: unchanged exactly when from equals to.
        JsonNode cells = changes.path("cells");
        for (JsonNode c : cells) {
            assertThat(c.path("path").asText()).startsWith("cells.");
            assertThat(c.path("direction").asText()).isIn("increased", "decreased", "unchanged");
            assertThat(c.path("direction").asText().equals("unchanged"))
                    .as("%s", c).isEqualTo(c.path("from").asText().equals(c.path("to").asText()));
        }
        assertThat(change(cells, "cells.mm.cd38")).isEqualTo("low -> medium increased");
        assertThat(change(cells, "cells.mm.cd38Fold")).isEqualTo("1.0 -> 3.0 increased");
        assertThat(change(cells, "cells.nk.binding.daratumumab")).isEqualTo("high -> none decreased");
        assertThat(change(cells, "cells.nk.depletion")).isEqualTo("high -> none decreased");
        assertThat(change(cells, "cells.nk.cd38")).isEqualTo("high -> high unchanged");

        // Conclusions: gained ones are in the variant, lost ones in the baseline, with the rules that made them.
        Set<String> before = factIds(baseline);
        Set<String> after = factIds(variant);
        Map<String, String> kinds = new HashMap<>();
        for (JsonNode c : changes.path("conclusions")) {
            String id = c.path("id").asText();
            String kind = c.path("change").asText();
            kinds.put(id, kind);
            assertThat(c.path("type").asText()).as(id).isNotBlank();
            assertThat(kind).as(id).isIn("added", "removed", "gained", "lost", "changed");
            assertThat(c.has("before")).as("before of %s", id).isEqualTo(!kind.equals("added") && !kind.equals("gained"));
            assertThat(c.has("after")).as("after of %s", id).isEqualTo(!kind.equals("removed") && !kind.equals("lost"));
            assertThat(before.contains(id)).as("%s in the baseline", id).isEqualTo(c.has("before"));
            assertThat(after.contains(id)).as("%s in the variant", id).isEqualTo(c.has("after"));
            assertThat(c.path("causes").isArray()).isTrue();
            if (kind.equals("added") || kind.equals("removed")) {
                assertThat(c.path("causes").size()).as("causes of input %s", id).isZero();
            } else {
                assertThat(c.path("causes").size()).as("causes of %s", id).isPositive();
            }
            for (JsonNode cause : c.path("causes")) {
                assertThat(TestKb.kb().rule(cause.path("rule").asText())).as("rule of %s", id).isPresent();
                assertThat(texts(cause.path("sources"))).as("sources of %s", id).isNotEmpty()
                        .allMatch(s -> s.startsWith("doi:") || s.startsWith("PMID:"));
                assertThat(cause.path("changedPremises").isArray()).isTrue();
                for (String p : texts(cause.path("changedPremises"))) {
                    assertThat(before.contains(p) || after.contains(p)).as("premise %s of %s", p, id).isTrue();
                }
            }
        }
        assertThat(kinds).containsEntry("exposure:atra@mm", "added")
                .containsEntry("exposure:cd38_nanobody@nk", "added")
                .containsEntry("modulation:atra@mm", "gained")
                .containsEntry("masked:daratumumab@nk:cd38_nanobody", "gained")
                .containsEntry("surface:mm", "changed")
                .containsEntry("adcc:nk>mm:daratumumab", "changed")
                .containsEntry("fratricide:nk>nk:daratumumab", "lost");

        // Chains: from an added input to the conclusion that sets the outcome, through changed conclusions.
        JsonNode chains = changes.path("chains");
        assertThat(chains.size()).isPositive();
        Set<String> reached = new HashSet<>();
        for (JsonNode ch : chains) {
            assertThat(names(ch)).containsExactly("outcome", "text", "steps");
            String out = ch.path("outcome").asText();
            reached.add(out);
            JsonNode steps = ch.path("steps");
            assertThat(steps.size()).isGreaterThanOrEqualTo(2);
            List<String> stepTexts = new ArrayList<>();
            for (JsonNode s : steps) {
                assertThat(names(s)).containsExactly("id", "change", "text");
                assertThat(kinds).as("step of %s", ch.path("text")).containsEntry(s.path("id").asText(), s.path("change").asText());
                stepTexts.add(s.path("text").asText());
            }
            assertThat(ch.path("text").asText()).isEqualTo(String.join(" -> ", stepTexts));
            assertThat(steps.get(0).path("change").asText()).isEqualTo("added");
            assertThat(steps.get(0).path("id").asText()).isIn("exposure:atra@mm", "exposure:cd38_nanobody@nk");
            String last = steps.get(steps.size() - 1).path("id").asText();
            assertThat(last).startsWith(switch (out) {
                case "adcc" -> "adcc:";
                case "fratricide" -> "fratricide:";
                case "nkDepletion" -> "depletion:";
                default -> throw new AssertionError(out);
            });
        }
        assertThat(reached).containsExactlyInAnyOrder("adcc", "fratricide", "nkDepletion");
    }

    @Test
    void editsApplyInTheOrderRemoveAddSetWhateverTheirOrderOnTheCommandLine() throws IOException {
        Run r = ok("whatif", ATRA, "--format", "json", "--set", "nk.cd38=low", "--add", "cd38_nanobody@nk",
                "--remove", "atra@mm", "--add", "ifn_alpha@mm");

        JsonNode root = JSON.readTree(r.out());
        assertThat(texts(root.path("edits")))
                .containsExactly("remove atra@mm", "add cd38_nanobody@nk", "add ifn_alpha@mm", "set nk.cd38=low");
        assertThat(texts(root.path("baseline").path("treatments"))).containsExactly("atra@mm", "daratumumab");
        assertThat(texts(root.path("variant").path("treatments")))
                .containsExactly("cd38_nanobody@nk", "daratumumab", "ifn_alpha@mm");
        assertThat(root.path("variant").path("cells").path("nk").path("cd38Baseline").asText()).isEqualTo("low");

        // Removing what an earlier --add brings is refused: removal comes first.
        Run refused = badInput("whatif", LOW, "--add", "atra@mm", "--remove", "atra@mm");
        assertThat(refused.err()).startsWith("adcc: remove atra@mm: atra@mm is not in the scenario");
    }

    // ---------------------------------------------------------------- bad input

    static Stream<Arguments> refusedEdits() {
        return Stream.of(
                Arguments.of(List.of(),
                        "adcc: whatif: give at least one edit: --add AGENT[@CELL], --remove AGENT[@CELL] or --set CELL.FIELD=VALUE\n"),
                Arguments.of(List.of("--add", "atr@mm"),
                        "adcc: add atr@mm: unknown agent 'atr'; the knowledge base knows: atra, cd38_nanobody, dara_fab2, daratumumab, ifn_alpha, ifn_gamma, il6, isatuximab, lenalidomide, panobinostat, pomalidomide, ruxolitinib (did you mean 'atra'?)\n"),
                Arguments.of(List.of("--add", "atra@nn"),
                        "adcc: add atra@nn: 'nn' names no cell of the scenario; cells: mm, nk (did you mean 'nk'?)\n"),
                Arguments.of(List.of("--set", "mn.cd38=high"),
                        "adcc: set mn.cd38=high: 'mn' names no cell of the scenario; cells: mm, nk (did you mean 'mm'?)\n"),
                Arguments.of(List.of("--remove", "atra@mm"),
                        "adcc: remove atra@mm: atra@mm is not in the scenario; its treatments: daratumumab\n"),
                Arguments.of(List.of("--add", "daratumumab"),
                        "adcc: add daratumumab: daratumumab is already in the scenario\n"),
                Arguments.of(List.of("--set", "mm.cd38=hihg"),
                        "adcc: set mm.cd38=hihg: 'hihg' is not a CD38 level; allowed: none, low, medium, high (did you mean 'high'?)\n"),
                Arguments.of(List.of("--set", "nk.cd16=158X"),
                        "adcc: set nk.cd16=158X: '158X' is not a CD16 variant; allowed: none, 158F, 158V (did you mean '158F'?)\n"),
                Arguments.of(List.of("--set", "nk.cd38Knockout=yes"),
                        "adcc: set nk.cd38Knockout=yes: 'yes' is not true or false; allowed: true, false\n"),
                Arguments.of(List.of("--set", "nk.cd83=low"),
                        "adcc: set nk.cd83=low: 'cd83' cannot be set; fields: cd38, cd16, cd38Knockout, line (did you mean 'cd38'?)\n"),
                Arguments.of(List.of("--set", "setting=invivo"),
                        "adcc: set setting=invivo: 'invivo' is not a setting; allowed: in_vitro, in_vivo (did you mean 'in_vivo'?)\n"),
                Arguments.of(List.of("--add", "ATRA!"),
                        "adcc: --add ATRA!: expected AGENT or AGENT@CELL, such as atra@mm\n"),
                Arguments.of(List.of("--remove", "daratumumab@"),
                        "adcc: --remove daratumumab@: expected AGENT or AGENT@CELL, such as atra@mm\n"),
                Arguments.of(List.of("--set", "cd38=low"),
                        "adcc: --set cd38=low: expected CELL.FIELD=VALUE (such as nk.cd38=low), setting=VALUE or course=VALUE\n"),
                Arguments.of(List.of("--set", "nk.cd38"),
                        "adcc: --set nk.cd38: expected CELL.FIELD=VALUE (such as nk.cd38=low), setting=VALUE or course=VALUE\n"));
    }

    @ParameterizedTest
    @MethodSource("refusedEdits")
    void aBadEditIsRefusedWithAMessageAndNoOutput(List<String> edits, String message) {
        List<String> args = new ArrayList<>(List.of("whatif", LOW));
        args.addAll(edits);

        Run r = badInput(args.toArray(String[]::new));

        assertThat(r.err()).isEqualTo(message);
    }

    @Test
    void aBadEditIsRefusedInJsonToo() {
        Run r = badInput("whatif", "-f", "json", LOW, "--add", "atra@mm", "--add", "atr@nk");

        assertThat(r.err()).startsWith("adcc: add atr@nk: unknown agent 'atr'");
    }

    @Test
    void aScenarioFileWithAnErrorIsRefused() throws IOException {
        Path bad = write("bad.json", """
                { "id": "bad", "cells": [ { "id": "mm", "type": "myeloma", "cd38": "low" } ],
                  "treatments": [ { "agent": "atr" } ] }
                """);
        Path broken = write("broken.json", "{\n  \"id\": \"x\",\n  \"cells\": [ }\n");

        assertThat(badInput("whatif", bad.toString(), "--add", "ifn_alpha").err())
                .isEqualTo("adcc: " + bad + ": $.treatments[0].agent: unknown agent 'atr'; the knowledge base knows: "
                        + "atra, cd38_nanobody, dara_fab2, daratumumab, ifn_alpha, ifn_gamma, il6, isatuximab, lenalidomide, panobinostat, pomalidomide, ruxolitinib (did you mean 'atra'?)\n");
        assertThat(badInput("whatif", "-f", "json", broken.toString(), "--add", "ifn_alpha").err())
                .startsWith("adcc: " + broken + ": line 3, column 14: malformed JSON");
        assertThat(badInput("whatif", temp.resolve("absent.json").toString(), "--add", "ifn_alpha").err())
                .startsWith("adcc: " + temp.resolve("absent.json") + ": ");
    }

    @Test
    void theFileArgumentIsRequired() {
        Run r = badInput("whatif", "--add", "atra@mm");

        assertThat(r.err()).contains("Missing required parameter: 'FILE'").contains("Try 'adcc whatif --help' for more.").doesNotContain("Usage:");
    }

    @Test
    void aCellIdWithADotIsLabelledWhole() throws IOException {
        Path dotted = write("dotted.json", """
                { "id": "dotted", "cells": [
                    { "id": "mm.1", "type": "myeloma", "cd38": "low" },
                    { "id": "nk.a", "type": "nk", "cd38": "high", "cd16": "158V" } ],
                  "treatments": [ { "agent": "daratumumab" } ] }
                """);

        Run r = ok("whatif", dotted.toString(), "--set", "mm.1.cd38=high", "--set", "nk.a.cd38=low");

        assertThat(r.out()).containsPattern("\n  mm\\.1 CD38 +low +high +increased\n")
                .containsPattern("\n  nk\\.a bound daratumumab +high +low +decreased\n")
                .containsPattern("\n  nk\\.a depletion +high +low +decreased\n");
    }

    private static String change(JsonNode changes, String path) {
        for (JsonNode c : changes) {
            if (c.path("path").asText().equals(path)) {
                return c.path("from").asText() + " -> " + c.path("to").asText() + " " + c.path("direction").asText();
            }
        }
        throw new AssertionError("no change " + path + " in " + changes);
    }

    private static Set<String> factIds(JsonNode evaluation) {
        Set<String> ids = new HashSet<>();
        evaluation.path("explanation").path("facts").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("array: %s", array).isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
