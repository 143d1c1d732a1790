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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.adcckb.cli.Main;
import org.adcckb.report.JsonReport;
import org.adcckb.report.TextReport;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Same input, same output, byte for byte: the order of cells, treatments and files changes nothing. */
class DeterminismTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> s = Files.walk(TestKb.FACTS)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    private static String render(byte[] scenario) {
        Evaluation ev = TestKb.reasoner().evaluate(new ScenarioReader(TestKb.kb().vocabulary()).read(scenario, "x.json"));
        return JsonReport.compact(JsonReport.toJson(ev, TestKb.kb().fingerprint())) + "\n" + TextReport.render(ev);
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void shuffledCellsAndTreatmentsGiveByteIdenticalOutput(Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        String expected = render(original);
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(render(Shuffle.scenario(original, seed))).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void aLargerRandomMixIsOrderIndependentToo() throws IOException {
        String scenario = """
            {"id": "mix", "cells": [
              {"id": "a", "type": "myeloma", "cd38": "low"}, {"id": "b", "type": "myeloma", "cd38": "high"},
              {"id": "k1", "type": "nk", "cd38": "high", "cd16": "158V"}, {"id": "k2", "type": "nk", "cd38": "medium", "cd16": "158F"},
              {"id": "k3", "type": "nk", "cd38": "none", "cd38Knockout": true, "cd16": "158V"}],
             "treatments": [{"agent": "daratumumab"}, {"agent": "atra", "on": "a"}, {"agent": "ifn_alpha"},
              {"agent": "cd38_nanobody", "on": "k2"}]}
            """;
        byte[] original = scenario.getBytes(StandardCharsets.UTF_8);
        String expected = render(original);
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(render(Shuffle.scenario(original, seed))).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void repeatedEvaluationIsIdentical() throws IOException {
        byte[] original = Files.readAllBytes(TestKb.FACTS.resolve("lejeune-2021/atra-nanobody-low-target.json"));
        String first = render(original);
        for (int i = 0; i < 10; i++) {
            assertThat(render(original)).isEqualTo(first);
        }
    }

    @Test
    void oneKnowledgeBaseSharedAcrossThreadsGivesTheSameAnswers() throws Exception {
        List<Path> files = shippedScenarios().toList();
        List<String> sequential = new ArrayList<>();
        for (Path f : files) {
            sequential.add(render(Files.readAllBytes(f)));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<java.util.concurrent.Future<String>> futures = new ArrayList<>();
                for (Path f : files) {
                    byte[] bytes = Files.readAllBytes(f);
                    futures.add(pool.submit(() -> render(bytes)));
                }
                for (int i = 0; i < files.size(); i++) {
                    assertThat(futures.get(i).get()).as("%s", files.get(i)).isEqualTo(sequential.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theOrderOfFilesOnTheCommandLineChangesNothing(@TempDir Path tmp) {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestKb.FACTS.resolve("lejeune-2021"))) {
            s.map(Path::toString).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        String forward = jsonl(files);
        Collections.reverse(files);
        String backward = jsonl(files);
        Collections.shuffle(files, new Random(7));
        String shuffled = jsonl(files);
        assertThat(forward.lines()).hasSize(files.size());
        assertThat(backward).isEqualTo(forward);
        assertThat(shuffled).isEqualTo(forward);
    }

    private static String jsonl(List<String> files) {
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("explain", "--format", "jsonl"));
        args.addAll(files);
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute(args.toArray(String[]::new));
        assertThat(code).isZero();
        return out.toString();
    }
}
