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
import org.adcckb.TestKb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code adcc sweep}, run in-process: the ranked factorial in each format, the same on any number of threads. */
class SweepCommandTest {

    private static final String LOW = "facts/lejeune-2021/low-target-dara.json";
    private static final String FACTORS = "atra@mm,ifn_alpha@mm,cd38_nanobody@nk";
    private static final String HEADER = "rank,atra@mm,ifn_alpha@mm,cd38_nanobody@nk,adcc,fratricide,nkDepletion,adccScore,mm.cd38After";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    // ---------------------------------------------------------------- formats

    @Test
    void csvRanksAllEightCombinations() {
        Run r = ok("sweep", LOW, "--vary", FACTORS, "-f", "csv");

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).hasSize(8);
        assertThat(rows.get(0)).isEqualTo("1,+,+,+,high,none,none,3.335,high");
        assertThat(rows.get(7)).isEqualTo("8,-,-,-,none,high,high,-0.75,low");
        Set<String> combinations = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",", -1);
            assertThat(cells).as(rows.get(i)).hasSize(9);
            assertThat(cells[0]).isEqualTo(Integer.toString(i + 1));
            for (int f = 1; f <= 3; f++) {
                assertThat(cells[f]).isIn("+", "-");
            }
            combinations.add(cells[1] + cells[2] + cells[3]);
            assertThat(cells[4]).isIn("none", "low", "moderate", "high");
        }
        assertThat(combinations).as("every combination once").hasSize(8);
        // Ranked by ADCC, best first.
        List<Integer> adcc = rows.stream().map(l -> List.of("none", "low", "moderate", "high").indexOf(l.split(",")[4])).toList();
        assertThat(adcc).isSortedAccordingTo((a, b) -> b - a);
        // Without the nanobody, daratumumab still binds the NK cells and they kill each other.
        assertThat(rows).filteredOn(l -> l.split(",")[3].equals("-")).allMatch(l -> l.contains(",high,high,"));
        assertThat(rows).filteredOn(l -> l.split(",")[3].equals("+")).allMatch(l -> l.contains(",none,none,"));
    }

    @Test
    void textHasTheTableAndTheMainEffects() {
        Run r = ok("sweep", LOW, "--vary", FACTORS);

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Sweep of lejeune2021-low-target-dara: 8 combinations of 3 factors, "
                + "ranked by ADCC, then less fratricide and NK depletion");
        assertThat(lines.get(1)).isEqualTo("(+ present, - absent)");
        assertThat(lines.get(3).split(" +")).containsExactly(HEADER.split(","));
        assertThat(lines.get(4).split(" +")).containsExactly("1", "+", "+", "+", "high", "none", "none", "3.335", "high");
        assertThat(lines.get(11).split(" +")).containsExactly("8", "-", "-", "-", "none", "high", "high", "-0.75", "low");
        assertThat(lines.get(13)).startsWith("Main effects on ADCC");
        assertThat(lines.subList(14, lines.size())).hasSize(3);
        assertThat(r.out()).containsPattern("\n  atra@mm +raises 4, lowers 0, leaves 0\n")
                .containsPattern("\n  ifn_alpha@mm +raises 4, lowers 0, leaves 0\n")
                .containsPattern("\n  cd38_nanobody@nk +raises 4, lowers 0, leaves 0\n");
    }

    @Test
    void markdownHasBothTables() {
        Run r = ok("sweep", LOW, "--vary", FACTORS, "--format", "markdown");

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("| " + HEADER.replace(",", " | ") + " |");
        assertThat(lines.get(1)).isEqualTo("|---|---|---|---|---|---|---|---|---|");
        assertThat(lines.get(2)).isEqualTo("| 1 | + | + | + | high | none | none | 3.335 | high |");
        assertThat(lines.subList(2, 10)).allMatch(l -> l.startsWith("| ") && l.endsWith(" |"));
        assertThat(lines.get(10)).isEmpty();
        assertThat(lines.subList(11, lines.size())).containsExactly(
                "| factor | raises ADCC | lowers ADCC | leaves ADCC |",
                "|---|---|---|---|",
                "| atra@mm | 4 | 0 | 0 |",
                "| ifn_alpha@mm | 4 | 0 | 0 |",
                "| cd38_nanobody@nk | 4 | 0 | 0 |");
    }

    @Test
    void jsonAgreesWithTheCsv() throws IOException {
        Run r = ok("sweep", LOW, "--vary", FACTORS, "-f", "json");
        List<String> csv = ok("sweep", LOW, "--vary", FACTORS, "-f", "csv").out().lines().skip(1).toList();

        JsonNode root = JSON.readTree(r.out());
        assertThat(root.path("scenario").asText()).isEqualTo("lejeune2021-low-target-dara");
        assertThat(root.path("rulesFingerprint").asText()).isEqualTo(TestKb.kb().fingerprint());
        JsonNode factors = root.path("factors");
        assertThat(factors.size()).isEqualTo(3);
        List<String> labels = new ArrayList<>();
        for (JsonNode f : factors) {
            labels.add(f.path("factor").asText());
            assertThat(f.path("kind").asText()).isEqualTo("treatment");
            assertThat(f.path("levels").toString()).isEqualTo("[\"absent\",\"present\"]");
        }
        assertThat(labels).containsExactly("atra@mm", "ifn_alpha@mm", "cd38_nanobody@nk");

        JsonNode rows = root.path("rows");
        assertThat(rows.size()).isEqualTo(8);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            StringBuilder line = new StringBuilder().append(row.path("rank").asInt());
            for (String l : labels) {
                line.append(',').append(row.path("levels").path(l).asText().equals("present") ? "+" : "-");
            }
            line.append(',').append(row.path("outcome").path("adcc").asText())
                    .append(',').append(row.path("outcome").path("fratricide").asText())
                    .append(',').append(row.path("outcome").path("nkDepletion").asText())
                    .append(',').append(row.path("outcomeScore").path("adcc").isNull() ? "" : row.path("outcomeScore").path("adcc").asText())
                    .append(',').append(row.path("targetCd38").path("mm").asText());
            assertThat(line.toString()).as("row %d", i + 1).isEqualTo(csv.get(i));
        }

        JsonNode effects = root.path("effects");
        assertThat(effects.size()).isEqualTo(3);
        for (JsonNode e : effects) {
            assertThat(e.path("level").asText()).isEqualTo("present");
            assertThat(e.path("raises").asInt() + e.path("lowers").asInt() + e.path("unchanged").asInt())
                    .as("each factor compared over the 4 combinations of the others").isEqualTo(4);
        }
    }

    @Test
    void oneThreadAndTwoGiveTheSameBytes() {
        for (String format : List.of("text", "json")) {
            Run one = ok("sweep", LOW, "--vary", FACTORS, "-f", format, "--threads", "1");
            Run two = ok("sweep", LOW, "--vary", FACTORS, "-f", format, "--threads", "2");

            assertThat(two.out()).as(format).isEqualTo(one.out());
        }
    }

    @Test
    void aFieldFactorTakesEachValueGiven() {
        Run r = ok("sweep", LOW, "--vary", "nk.cd38=high|low", "-f", "csv");

        assertThat(r.out().lines()).containsExactly(
                "rank,nk.cd38,adcc,fratricide,nkDepletion,adccScore,mm.cd38After",
                "1,low,low,low,low,0.45,low",
                "2,high,none,high,high,-0.75,low");

        Run text = ok("sweep", LOW, "--vary", "nk.cd38=high|low", "--vary", "atra@mm");
        assertThat(text.out()).startsWith("Sweep of lejeune2021-low-target-dara: 4 combinations of 2 factors")
                .containsPattern("\n  nk\\.cd38 low vs high +raises 2, lowers 0, leaves 0\n")
                .containsPattern("\n  atra@mm +raises 2, lowers 0, leaves 0\n");
    }

    @Test
    void aFieldFactorOnACellWhoseIdHasADot() throws IOException {
        Path dotted = temp.resolve("dotted.json");
        Files.writeString(dotted, """
                { "id": "dotted", "cells": [
                    { "id": "mm.1", "type": "myeloma", "cd38": "low" },
                    { "id": "nk.a", "type": "nk", "cd38": "high", "cd16": "158V" } ],
                  "treatments": [ { "agent": "daratumumab" } ] }
                """, StandardCharsets.UTF_8);

        Run r = ok("sweep", dotted.toString(), "--vary", "mm.1.cd38=low|high,atra@mm.1", "-f", "csv");

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("rank,mm.1.cd38,atra@mm.1,adcc,fratricide,nkDepletion,adccScore,mm.1.cd38After");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("1,high,");
        assertThat(lines.get(4)).isEqualTo("4,low,-,none,high,high,-0.75,low");
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void varyIsRequired() {
        Run r = badInput("sweep", LOW);

        assertThat(r.err()).contains("Missing required option: '--vary=FACTORS'").contains("Try 'adcc sweep --help' for more.").doesNotContain("Usage:");
    }

    static Stream<Arguments> refusedFactors() {
        return Stream.of(
                Arguments.of("atr@mm",
                        "adcc: --vary atr@mm: unknown agent 'atr'; the knowledge base knows: atra, cd38_nanobody, dara_fab2, daratumumab, ifn_alpha, ifn_gamma, il6, isatuximab, lenalidomide, panobinostat, pomalidomide, ruxolitinib (did you mean 'atra'?)\n"),
                Arguments.of("atra@nn",
                        "adcc: --vary atra@nn: 'nn' names no cell of the scenario; cells: mm, nk (did you mean 'nk'?)\n"),
                Arguments.of("nk.cd38=hihg|low",
                        "adcc: --vary nk.cd38: 'hihg' is not a CD38 level; allowed: none, low, medium, high (did you mean 'high'?)\n"),
                Arguments.of("nk.cd83=low|high",
                        "adcc: --vary nk.cd83: 'cd83' cannot be set; fields: cd38, cd16, cd38Knockout, line (did you mean 'cd38'?)\n"),
                Arguments.of("nk.cd38=low|low",
                        "adcc: --vary nk.cd38=low|low: expected CELL.FIELD=v1|v2|..., setting=in_vitro|in_vivo or course=v1|v2|..., distinct values, such as nk.cd38=low|high\n"),
                Arguments.of("nk.cd38=low|",
                        "adcc: --vary nk.cd38=low|: expected CELL.FIELD=v1|v2|..., setting=in_vitro|in_vivo or course=v1|v2|..., distinct values, such as nk.cd38=low|high\n"),
                Arguments.of("ATRA!",
                        "adcc: --vary ATRA!: expected AGENT or AGENT@CELL, such as atra@mm\n"),
                Arguments.of(",",
                        "adcc: --vary ,: names no factor; expected AGENT[@CELL],... or CELL.FIELD=v1|v2\n"),
                Arguments.of("",
                        "adcc: --vary '': names no factor; expected AGENT[@CELL],... or CELL.FIELD=v1|v2\n"),
                Arguments.of("atra@mm,ifn_alpha@mm,atra@mm",
                        "adcc: --vary atra@mm: the factor is given twice\n"),
                Arguments.of("atra,ifn_alpha,cd38_nanobody,daratumumab,atra@mm,ifn_alpha@mm,cd38_nanobody@mm,"
                                + "atra@nk,ifn_alpha@nk,cd38_nanobody@nk,nk.cd38=low|high,mm.cd38=low|high,nk.cd16=158V|158F",
                        "adcc: --vary: 13 factors given; a sweep takes at most 12\n"));
    }

    @ParameterizedTest
    @MethodSource("refusedFactors")
    void aBadFactorIsRefusedWithAMessageAndNoOutput(String vary, String message) {
        Run r = badInput("sweep", LOW, "--vary", vary, "-f", "csv");

        assertThat(r.err()).isEqualTo(message);
    }

    @Test
    void aFactorGivenTwiceAcrossVaryOptionsIsRefused() {
        Run r = badInput("sweep", LOW, "--vary", "atra@mm", "--vary", "ifn_alpha@mm,atra@mm");

        assertThat(r.err()).isEqualTo("adcc: --vary atra@mm: the factor is given twice\n");
    }

    @Test
    void threadsMustBePositive() {
        assertThat(badInput("sweep", LOW, "--vary", FACTORS, "--threads", "0").err())
                .isEqualTo("adcc: --threads: must be a positive number, got 0\n");
        assertThat(badInput("sweep", LOW, "--vary", FACTORS, "--threads", "-3").err())
                .isEqualTo("adcc: --threads: must be a positive number, got -3\n");
    }

    @Test
    void aScenarioFileWithAnErrorIsRefused() throws IOException {
        Path bad = temp.resolve("bad.json");
        Files.writeString(bad, """
                { "id": "bad", "cells": [ { "id": "mm", "type": "myeloma", "cd38": "lo" } ] }
                """, StandardCharsets.UTF_8);

        Run r = badInput("sweep", bad.toString(), "--vary", "atra");

        assertThat(r.err()).isEqualTo("adcc: " + bad + ": $.cells[0].cd38: 'lo' is not a CD38 level; "
                + "allowed: none, low, medium, high (did you mean 'low'?)\n");
    }
}
