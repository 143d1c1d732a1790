package org.adcckb.cli;

import static org.adcckb.cli.Cli.badInput;
import static org.adcckb.cli.Cli.ok;
import static org.adcckb.cli.Cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.cli.Cli.Run;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** batch: JSON Lines in, results in input order out, a record per bad line, the run going on. */
class BatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Every shipped scenario, one compact JSON object per line, in a fixed order. */
    private static List<String> scenarioLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("facts"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                lines.add(JSON.writeValueAsString(JSON.readTree(f.toFile())));
            }
        }
        return lines;
    }

    @Test
    void resultsComeInInputOrderWhateverTheThreads() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.addAll(scenarioLines());
        }
        Path in = tmp.resolve("cohort.jsonl");
        Files.write(in, lines);
        Run one = run("batch", "--threads", "1", in.toString());
        Run four = run("batch", "--threads", "4", in.toString());
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(four.out()).isEqualTo(one.out());
        List<String> out = one.out().lines().toList();
        assertThat(out).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(JSON.readTree(out.get(i)).path("scenario").asText()).isEqualTo(JSON.readTree(lines.get(i)).path("id").asText());
        }
        assertThat(one.err()).contains("batch: " + lines.size() + " scenarios, 0 failed");
    }

    @Test
    void aResultIsTheObjectOfExplainJsonl() throws IOException {
        Path in = tmp.resolve("one.jsonl");
        Files.writeString(in, scenarioLines().get(0) + "\n");
        Run batch = run("batch", in.toString());
        Path file = tmp.resolve("one.json");
        Files.writeString(file, scenarioLines().get(0));
        Run explain = run("explain", "--format", "jsonl", file.toString());
        assertThat(batch.out()).isEqualTo(explain.out());
    }

    @Test
    void aBadLineGivesAnErrorRecordAndTheRunGoesOn() throws IOException {
        List<String> good = scenarioLines();
        Path in = tmp.resolve("mixed.jsonl");
        Files.write(in, List.of(good.get(0), "not json", "", "{\"id\": \"x\", \"cells\": []}", good.get(1)));
        Run r = run("batch", in.toString());
        assertThat(r.exit()).isEqualTo(2);
        List<String> out = r.out().lines().toList();
        assertThat(out).hasSize(4); // the blank line is skipped, nothing else is
        JsonNode malformed = JSON.readTree(out.get(1));
        assertThat(malformed.path("line").asInt()).isEqualTo(2);
        assertThat(malformed.path("error").asText()).startsWith(in + ":2: line 1, column 1: malformed JSON");
        JsonNode empty = JSON.readTree(out.get(2));
        assertThat(empty.path("line").asInt()).isEqualTo(4);
        assertThat(empty.path("error").asText()).contains("$.cells: a scenario needs at least one cell population");
        assertThat(JSON.readTree(out.get(3)).has("outcome")).isTrue();
        assertThat(r.err()).contains("4 scenarios, 2 failed").doesNotContain("\tat ");
    }

    @Test
    void withoutExplanationsTheOutcomeAndCellsAreTheSame() throws IOException {
        Path in = tmp.resolve("cohort.jsonl");
        Files.write(in, scenarioLines());
        List<String> full = run("batch", in.toString()).out().lines().toList();
        List<String> lean = run("batch", "--no-explain", in.toString()).out().lines().toList();
        assertThat(lean).hasSameSizeAs(full);
        for (int i = 0; i < full.size(); i++) {
            JsonNode f = JSON.readTree(full.get(i));
            JsonNode l = JSON.readTree(lean.get(i));
            assertThat(l.has("explanation")).isFalse();
            assertThat(l.path("outcome")).isEqualTo(f.path("outcome"));
            assertThat(l.path("cells")).isEqualTo(f.path("cells"));
        }
    }

    @Test
    void aMissingFileADirectoryOrBadThreadsIsBadInput() {
        String nope = tmp.resolve("nope.jsonl").toString();
        assertThat(badInput("batch", nope).err()).isEqualTo("adcc: " + nope + ": no such file\n");
        assertThat(badInput("batch", tmp.toString()).err()).isEqualTo("adcc: " + tmp
                + ": is a directory; batch reads one JSON Lines file, or standard input (cat DIR/*.jsonl | adcc batch)\n");
        assertThat(run("batch", "--threads", "0", "x").exit()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotARegularFileIsRead() {
        // A pipe, as bash's <(...) gives, or a device: read like any file.
        Run run = run("batch", "/dev/null");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("batch: 0 scenarios, 0 failed");
    }

    @Test
    void aSecondBatchIsAnsweredFromKeptResultsAndSaysSoUnlessFresh() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (String line : scenarioLines()) {
                com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
                lines.add(JSON.writeValueAsString(o.put("id", "copy-" + i + "-" + lines.size())));
            }
        }
        Path in = tmp.resolve("cohort.jsonl");
        Files.write(in, lines);
        String before = System.getProperty("adcc.cache");
        System.setProperty("adcc.cache", tmp.resolve("cache").toString());
        try {
            Run first = run("batch", in.toString());
            Run second = run("batch", in.toString());
            Run fresh = run("batch", "--fresh", in.toString());
            long failed = first.out().lines().filter(l -> l.startsWith("{\"line\":")).count();
            assertThat(failed).as("some shipped scenarios are not for batch").isLessThan(lines.size() / 2);
            assertThat(second.out()).isEqualTo(first.out()).isEqualTo(fresh.out());
            assertThat(List.of(first.exit(), second.exit(), fresh.exit())).containsOnly(failed == 0 ? 0 : 2);
            assertThat(first.err()).doesNotContain("kept");
            assertThat(second.err().lines().reduce((a, b) -> b).orElseThrow())
                    .matches("batch: " + lines.size() + " scenarios, " + failed + " failed, in [0-9.]+ s \\([0-9]+/s\\); "
                            + (lines.size() - failed)
                            + " answered from results kept by earlier batches of these rules \\(--fresh: evaluate every line\\)");
            assertThat(fresh.err()).doesNotContain("kept");
        } finally {
            if (before == null) {
                System.clearProperty("adcc.cache");
            } else {
                System.setProperty("adcc.cache", before);
            }
        }
    }
}
