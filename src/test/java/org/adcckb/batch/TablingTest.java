package org.adcckb.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.facts.Cell;
import org.adcckb.input.Limits;
import org.adcckb.scenario.Treatment;
import org.junit.jupiter.api.Test;

/**
 * Results tabled by scenario content ({@link ResultTable}) are the results computed afresh, byte for
 * byte: a scenario that repeats an earlier one's content under another id, another title, or with its
 * cells and treatments written in another order gets exactly the line it would get on its own.
 */
class TablingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shipped scenarios, one JSON line each, without their expectations half of the time. */
    private static List<ObjectNode> shipped() throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestKb.FACTS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                ObjectNode o = (ObjectNode) JSON.readTree(f.toFile());
                if (out.size() % 2 == 0) {
                    o.remove("expect");
                }
                out.add(o);
            }
        }
        return out;
    }

    /** What a line gives when nothing was tabled before it: a fresh evaluator each time. */
    private static String alone(String line, boolean explain) {
        return new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, explain).evaluate(line, 1, "cohort.jsonl");
    }

    /** The same content under another id and title, cells and treatments reversed. */
    private static ObjectNode variant(ObjectNode scenario, int n) {
        ObjectNode v = scenario.deepCopy();
        v.put("id", "copy-" + n);
        switch (n % 3) {
            case 0 -> v.remove("title");
            case 1 -> v.put("title", "A \"quoted\" title, é, \u2028 and a tab\t (" + n + ")");
            default -> v.put("title", "plain " + n);
        }
        for (String field : List.of("cells", "treatments")) {
            if (v.get(field) instanceof ArrayNode a) {
                List<com.fasterxml.jackson.databind.JsonNode> items = new ArrayList<>();
                a.forEach(items::add);
                Collections.reverse(items);
                a.removeAll();
                a.addAll(items);
            }
        }
        return v;
    }

    @Test
    void aRepeatedContentGetsTheBytesItWouldGetAlone() throws IOException {
        for (boolean explain : List.of(true, false)) {
            Lines lines = new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, explain);
            List<ObjectNode> scenarios = shipped();
            int tabled = 0;
            int contents = 0;
            for (int round = 0; round < 3; round++) {
                if (round == 1) {
                    contents = lines.tabledContents(); // two shipped scenarios may share a content
                    assertThat(contents).isPositive().isLessThanOrEqualTo(scenarios.size());
                }
                for (ObjectNode s : scenarios) {
                    String line = JSON.writeValueAsString(round == 0 ? s : variant(s, round * 100 + tabled));
                    String got = lines.evaluate(line, 7, "cohort.jsonl");
                    assertThat(got).as(line).isEqualTo(alone(line, explain));
                    assertThat(got).doesNotContain("\"error\"");
                    tabled++;
                }
            }
            // Each content was computed once; its repeats came from the table.
            assertThat(lines.tabledContents()).isEqualTo(contents);
        }
    }

    @Test
    void duplicatesInOnePartitionKeepTheirOwnIdsAndLineNumbers() throws IOException {
        ObjectNode s = shipped().get(0);
        List<String> part = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            part.add(JSON.writeValueAsString(variant(s, i)));
            part.add("{\"id\": \"broken-" + i + "\"}"); // an error is never tabled: each names its own line
        }
        Lines lines = new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, true);
        List<String> out = new ArrayList<>();
        lines.partition(part.iterator(), 41, "part-3").forEachRemaining(out::add);
        assertThat(out).hasSize(10);
        for (int i = 0; i < 5; i++) {
            assertThat(out.get(2 * i)).isEqualTo(alone(part.get(2 * i), true));
            assertThat(JSON.readTree(out.get(2 * i)).path("scenario").asText()).isEqualTo("copy-" + i);
            assertThat(JSON.readTree(out.get(2 * i + 1)).path("line").asInt()).isEqualTo(42 + 2 * i);
        }
    }

    @Test
    void threadsSharingATableGetWhatOneThreadGets() throws Exception {
        List<ObjectNode> scenarios = shipped();
        List<String> cohort = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            cohort.add(JSON.writeValueAsString(variant(scenarios.get(i % scenarios.size()), i)));
        }
        Lines serial = new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, false);
        List<String> expected = cohort.stream().map(l -> serial.evaluate(l, 1, "c")).toList();
        Lines shared = new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, false);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> got = new ArrayList<>();
            for (String l : cohort) {
                got.add(pool.submit(() -> shared.evaluate(l, 1, "c")));
            }
            for (int i = 0; i < cohort.size(); i++) {
                assertThat(got.get(i).get()).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTableIsBoundedAndKeepsWhatComesBack() {
        ResultTable table = new ResultTable(64 * 1024);
        ResultTable.Content kept = content("kept");
        table.put(kept, new byte[100]);
        for (int i = 0; i < 10_000; i++) {
            table.put(content("c" + i), new byte[1000]);
            assertThat(table.get(kept)).as("in use, so carried over").isNotNull();
        }
        // Two generations of 64 kB, entries of 1,000 bytes and their overhead: never more than about 2 x 44.
        assertThat(table.size()).isLessThanOrEqualTo(2 * 46);
        assertThat(table.get(content("c0"))).isNull();
        assertThat(table.get(content("c9999"))).hasSize(1000);
        table.put(content("huge"), new byte[64 * 1024]);
        assertThat(table.get(content("huge"))).as("too large a part of a generation").isNull();
    }

    @Test
    void theContentIgnoresOrderButNotValues() {
        Cell mm = new Cell("mm", "myeloma", "high", "none", false, null);
        Cell nk = new Cell("nk", "nk", "low", "158V", false, null);
        var a = new org.adcckb.scenario.Scenario("a", "A", "in_vitro", null, List.of(mm, nk),
                List.of(new Treatment("daratumumab", null), new Treatment("atra", "mm")), null, "x");
        var b = new org.adcckb.scenario.Scenario("b", null, "in_vitro", null, List.of(nk, mm),
                List.of(new Treatment("atra", "mm"), new Treatment("daratumumab", null)), null, "y");
        var c = new org.adcckb.scenario.Scenario("a", "A", "in_vitro", null, List.of(mm, nk.withCd38("medium")),
                List.of(new Treatment("daratumumab", null), new Treatment("atra", "mm")), null, "x");
        assertThat(ResultTable.Content.of(b)).isEqualTo(ResultTable.Content.of(a));
        assertThat(ResultTable.Content.of(c)).isNotEqualTo(ResultTable.Content.of(a));
    }

    private static ResultTable.Content content(String cellLine) {
        return new ResultTable.Content("in_vitro", null,
                List.of(new Cell("mm", "myeloma", "high", "none", false, cellLine)), List.of());
    }
}
