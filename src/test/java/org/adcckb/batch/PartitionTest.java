package org.adcckb.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.cli.Main;
import org.adcckb.input.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partition-level function docs/SCALING.md builds on: a cohort cut into partitions, each evaluated
 * on its own with one shared knowledge base, gives exactly what one batch run over the whole cohort
 * gives, line numbers included.
 */
class PartitionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void partitionsTogetherGiveWhatOneBatchGives(@TempDir Path tmp) throws IOException {
        List<String> cohort = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestKb.FACTS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                cohort.add(JSON.writeValueAsString(JSON.readTree(f.toFile())));
            }
        }
        cohort.add(5, "{\"id\": \"broken\"}");
        cohort.add(9, "");

        Lines lines = new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, true);
        List<String> distributed = new ArrayList<>();
        int size = 7; // partitions of 7 lines, the last one shorter
        for (int start = 0; start < cohort.size(); start += size) {
            Iterator<String> part = cohort.subList(start, Math.min(cohort.size(), start + size)).iterator();
            lines.partition(part, start + 1, "cohort.jsonl").forEachRemaining(distributed::add);
        }

        Path file = tmp.resolve("cohort.jsonl");
        Files.write(file, cohort);
        StringWriter out = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("batch", file.toString());
        assertThat(code).isEqualTo(2); // the broken line
        List<String> single = out.toString().lines().toList();

        assertThat(distributed).hasSize(cohort.size() - 1);
        // The error record names the file it came from; the partitions name the cohort, the batch its file.
        assertThat(distributed).isEqualTo(single.stream().map(l -> l.replace(file.toString(), "cohort.jsonl")).toList());
        assertThat(JSON.readTree(distributed.get(5)).path("line").asInt()).isEqualTo(6);
    }

    @Test
    void anExecutorCompilesItsKnowledgeBaseOnceAndRefusesOtherRules() {
        var first = SharedKnowledge.get(TestKb.RULES, TestKb.kb().fingerprint());
        var again = SharedKnowledge.get(Path.of("rules").toAbsolutePath(), null);
        assertThat(again).isSameAs(first);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SharedKnowledge.get(TestKb.RULES, "0".repeat(64)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the 000");
    }

    @Test
    void aPartitionGivesARecordForALineWhoseRuleThrowsOrNeverReturns(@TempDir Path tmp) throws IOException {
        var kb = org.adcckb.kb.KnowledgeBaseLoader.load(org.adcckb.FaultyRules.copy(tmp));
        var reasoner = new org.adcckb.reasoning.Reasoner(kb, org.adcckb.reasoning.RunLimits.DEFAULT.withMaxMillis(2000));
        Lines lines = new Lines(kb, reasoner, Limits.DEFAULT, false);
        List<String> part = List.of(scenario("a", "mm"), scenario("b", "boom"), scenario("c", "spin"), scenario("d", "mm"));
        List<String> out = new ArrayList<>();
        lines.partition(part.iterator(), 101, "part-7").forEachRemaining(out::add);
        assertThat(out).hasSize(4);
        assertThat(JSON.readTree(out.get(0)).path("scenario").asText()).isEqualTo("a");
        assertThat(JSON.readTree(out.get(1)).path("line").asInt()).isEqualTo(102);
        assertThat(JSON.readTree(out.get(1)).path("error").asText())
                .startsWith("part-7:102: scenario b: rule \"" + org.adcckb.FaultyRules.THROWS + "\"");
        assertThat(JSON.readTree(out.get(2)).path("error").asText())
                .startsWith("part-7:103: scenario c: the rules did not finish within 2000 ms; rule \"" + org.adcckb.FaultyRules.SPINS + "\"");
        assertThat(JSON.readTree(out.get(3)).path("scenario").asText()).isEqualTo("d");
    }

    private static String scenario(String id, String myeloma) {
        return "{\"id\":\"" + id + "\",\"cells\":[{\"id\":\"" + myeloma + "\",\"type\":\"myeloma\",\"cd38\":\"low\"},"
                + "{\"id\":\"nk\",\"type\":\"nk\",\"cd38\":\"high\",\"cd16\":\"158V\"}],\"treatments\":[{\"agent\":\"daratumumab\"}]}";
    }
}
