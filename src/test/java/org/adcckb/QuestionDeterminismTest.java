package org.adcckb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adcckb.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The questions (whatif, sweep, whynot) on the command line: the same scenario written with its cells,
 * treatments and fields in another order gives the same bytes on stdout.
 */
class QuestionDeterminismTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path LOW = TestKb.FACTS.resolve("lejeune-2021/low-target-dara.json");
    private static final Path ATRA_NANOBODY = TestKb.FACTS.resolve("lejeune-2021/atra-nanobody-low-target.json");

    /** Two myeloma populations, three NK populations, four treatments: many orders to write it in. */
    private static final String MIX = """
            {"id": "mix", "setting": "in_vitro", "cells": [
              {"id": "a", "type": "myeloma", "cd38": "low", "line": "line a"}, {"id": "b", "type": "myeloma", "cd38": "high"},
              {"id": "k1", "type": "nk", "cd38": "high", "cd16": "158V"}, {"id": "k2", "type": "nk", "cd38": "medium", "cd16": "158F"},
              {"id": "k3", "type": "nk", "cd38": "none", "cd38Knockout": true, "cd16": "158V"}],
             "treatments": [{"agent": "daratumumab"}, {"agent": "atra", "on": "a"}, {"agent": "ifn_alpha"},
              {"agent": "cd38_nanobody", "on": "k2"}]}
            """;

    @TempDir
    static Path temp;

    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of("low-target-dara", List.of("whatif", "-f", "json", "--add", "atra@mm", "--add", "cd38_nanobody@nk")),
                Arguments.of("atra-nanobody-low-target",
                        List.of("whatif", "-f", "json", "--remove", "cd38_nanobody@nk", "--set", "nk.cd38=low")),
                Arguments.of("mix", List.of("whatif", "-f", "json", "--remove", "atra@a", "--add", "cd38_nanobody@k1",
                        "--set", "b.cd38=low")),
                Arguments.of("low-target-dara", List.of("sweep", "-f", "csv", "--vary", "atra@mm,ifn_alpha@mm,cd38_nanobody@nk")),
                Arguments.of("mix", List.of("sweep", "-f", "csv", "--threads", "2",
                        "--vary", "atra@b,ifn_alpha,cd38_nanobody@k1,k2.cd38=low|high")),
                Arguments.of("low-target-dara", List.of("whynot", "-f", "json", "--goal", "adcc>=moderate")),
                Arguments.of("low-target-dara", List.of("whynot", "-f", "json", "--goal", "adcc=high", "--max", "1")),
                Arguments.of("mix", List.of("whynot", "-f", "json", "--goal", "fratricide<=low", "--max", "2")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("questions")
    void shuffledScenarioGivesByteIdenticalOutput(String scenario, List<String> args) throws IOException {
        byte[] original = switch (scenario) {
            case "low-target-dara" -> Files.readAllBytes(LOW);
            case "atra-nanobody-low-target" -> Files.readAllBytes(ATRA_NANOBODY);
            case "mix" -> MIX.getBytes(StandardCharsets.UTF_8);
            default -> throw new AssertionError(scenario);
        };
        String id = MAPPER.readTree(original).path("id").asText();
        Path dir = Files.createDirectories(temp.resolve(args.get(0) + "-" + scenario + "-" + Integer.toHexString(args.hashCode())));
        Path originalFile = Files.write(dir.resolve("original.json"), original);

        String expected = run(originalFile, args);
        assertThat(expected).isNotBlank();
        for (long seed = 1; seed <= 2; seed++) {
            byte[] shuffled = Shuffle.scenario(original, seed);
            assertThat(MAPPER.readTree(shuffled).path("id").asText()).isEqualTo(id);
            Path copy = Files.write(dir.resolve("shuffled-" + seed + ".json"), shuffled);

            assertThat(run(copy, args)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    /** Runs the command on the file (given right after the command name) and returns stdout. */
    private static String run(Path file, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add(1, file.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        assertThat(code).as("exit code of %s; stderr:%n%s", all, err).isZero();
        // Nothing on stderr but the progress of a search that took more than a second (the machine's pace).
        assertThat(err.toString().lines()).as("stderr of %s", all)
                .allMatch(l -> l.matches("(sweep|whynot): \\d+/\\d+ (combinations|sets) \\(\\d+%\\)"));
        return out.toString();
    }

}
