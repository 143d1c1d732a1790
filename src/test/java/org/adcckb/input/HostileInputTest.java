package org.adcckb.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.cli.Main;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs beyond reason are refused with a message, and random or mutated inputs never produce a stack
 * trace, a hang or a wrong exit code: the scenario reader and the batch reader are fuzzed with mutations
 * of the shipped scenarios (fixed seeds, so a failure replays).
 */
class HostileInputTest {

    private static final ScenarioReader READER = new ScenarioReader(TestKb.kb().vocabulary());

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TestKb.FACTS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(Files.readAllBytes(f));
            }
        }
        return out;
    }

    /** One random mutation of a valid scenario: the kinds of damage files really suffer, and worse. */
    static byte[] mutate(byte[] in, Random r) {
        StringBuilder s = new StringBuilder(new String(in, StandardCharsets.UTF_8));
        int kind = r.nextInt(9);
        int at = s.length() == 0 ? 0 : r.nextInt(s.length());
        switch (kind) {
            case 0 -> s.setCharAt(Math.min(at, Math.max(0, s.length() - 1)), (char) (32 + r.nextInt(95)));
            case 1 -> s.delete(at, Math.min(s.length(), at + 1 + r.nextInt(20)));
            case 2 -> s.insert(at, "{[\"".charAt(r.nextInt(3)));
            case 3 -> s.setLength(at);
            case 4 -> s.insert(at, "[".repeat(1 + r.nextInt(200)));
            case 5 -> s.insert(at, "\"" + "x".repeat(r.nextInt(10_000)) + "\"");
            case 6 -> s.insert(at, new String(new char[] {(char) r.nextInt(0xD800)}));
            case 7 -> s.replace(0, s.length(), s.toString().replace("\"low\"", "\"" + "lowhighnone".substring(r.nextInt(5)) + "\""));
            default -> {
                byte[] noise = new byte[r.nextInt(64)];
                r.nextBytes(noise);
                s.insert(at, new String(noise, StandardCharsets.ISO_8859_1));
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void mutatedScenariosAreReadOrRefusedWithAMessageNeverAnythingElse() throws IOException {
        List<byte[]> seeds = seeds();
        Random r = new Random(20261126);
        int refused = 0;
        int read = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] input = mutate(seeds.get(i % seeds.size()), r);
            if (r.nextInt(4) == 0) {
                input = mutate(input, r); // some inputs take two hits
            }
            byte[] bytes = input;
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> READER.read(bytes, "fuzz.json"));
                read++;
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith("fuzz.json").doesNotContain("Exception").doesNotContain("\tat ");
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(500);
        assertThat(read).isGreaterThan(100);
    }

    @Test
    void aLongNumberIsNamedANumberAndPlacedAndALongStringAString() {
        // Jackson reports a number that outgrows a segment of its buffer as a string too long, and a number
        // too long with no place; the reader names what the token is and where it starts.
        String digits = "1".repeat(4826);
        String number = "{\"id\":\"x\",\n \"cells\":[{\"id\":\"mm\",\"type\":\"myeloma\",\"n\":" + digits + "}]}";
        assertThatThrownBy(() -> READER.read(number.getBytes(StandardCharsets.UTF_8), "number.json"))
                .hasMessage("number.json: line 2, column 43: a number longer than the limit of 1000 characters");
        String shortNumber = "{\"id\":\"x\",\"n\":-1." + "5".repeat(1200) + "}";
        assertThatThrownBy(() -> READER.read(shortNumber.getBytes(StandardCharsets.UTF_8), "fraction.json"))
                .hasMessage("fraction.json: line 1, column 15: a number longer than the limit of 1000 characters");
        String string = "{\"id\":\"x\",\"title\":\"" + digits + "\"}";
        assertThatThrownBy(() -> READER.read(string.getBytes(StandardCharsets.UTF_8), "string.json"))
                .hasMessage("string.json: line 1, column 19: a string longer than the limit of 4096 characters (--max-string)");
        String key = "{\"id\":\"x\",\"" + "k".repeat(5000) + "\":1}";
        assertThatThrownBy(() -> READER.read(key.getBytes(StandardCharsets.UTF_8), "key.json"))
                .hasMessage("key.json: line 1, column 11: a string longer than the limit of 4096 characters (--max-string)");
        String wideKey = "{\"id\":\"x\",\"" + "\u00e9".repeat(3000) + "\":1}"; // 6,000 bytes: Jackson counts a key in bytes
        assertThatThrownBy(() -> READER.read(wideKey.getBytes(StandardCharsets.UTF_8), "wide.json"))
                .hasMessage("wide.json: line 1, column 11: a string longer than the limit of 4096 characters (--max-string)");
        // Whichever comes first in the document is the one named.
        String both = "{\"id\":\"x\",\"title\":\"" + "t".repeat(5000) + "\",\"n\":" + digits + "}";
        assertThatThrownBy(() -> READER.read(both.getBytes(StandardCharsets.UTF_8), "both.json"))
                .hasMessageEndingWith("a string longer than the limit of 4096 characters (--max-string)");
    }

    @Test
    void aBatchLineWithALongNumberIsNamedANumber(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("number.jsonl");
        Files.writeString(in, "{\"id\":\"x\",\"n\":" + "7".repeat(4826) + "}\n");
        Run run = run("batch", in.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(run.out()).path("error").asText())
                .isEqualTo(in + ":1: line 1, column 15: a number longer than the limit of 1000 characters");
    }

    @Test
    void inputsBeyondReasonAreRefusedByTheLimitTheyBreak() {
        Limits small = new Limits(2000, 8, 64, 2, 3);
        ScenarioReader reader = new ScenarioReader(TestKb.kb().vocabulary(), small);
        String cells = "[{\"id\":\"a\",\"type\":\"myeloma\",\"cd38\":\"low\"},{\"id\":\"b\",\"type\":\"myeloma\",\"cd38\":\"low\"},"
                + "{\"id\":\"c\",\"type\":\"myeloma\",\"cd38\":\"low\"}]";
        assertThatThrownBy(() -> reader.read(("{\"id\":\"x\",\"title\":\"" + "t".repeat(3000) + "\"}").getBytes(), "big.json"))
                .hasMessage("big.json: is 3021 bytes, more than the limit of 2000 (--max-bytes)");
        assertThatThrownBy(() -> reader.read(("{\"id\":\"x\",\"title\":\"" + "t".repeat(100) + "\"}").getBytes(), "long.json"))
                .hasMessageContaining("a string longer than the limit of 64 characters (--max-string)");
        assertThatThrownBy(() -> reader.read(("{\"id\":\"x\",\"cells\":" + "[".repeat(20) + "]".repeat(20) + "}").getBytes(), "deep.json"))
                .hasMessageContaining("JSON nested deeper than the limit of 8 (--max-depth)");
        assertThatThrownBy(() -> reader.read(("{\"id\":\"x\",\"cells\":" + cells + "}").getBytes(), "many.json"))
                .hasMessage("many.json: $.cells: 3 cell populations, more than the limit of 2 (--max-cells)");
        String four = "[{\"agent\":\"atra\"},{\"agent\":\"ifn_alpha\"},{\"agent\":\"il6\"},{\"agent\":\"daratumumab\"}]";
        assertThatThrownBy(() -> reader.read(("{\"id\":\"x\",\"cells\":[{\"id\":\"a\",\"type\":\"myeloma\",\"cd38\":\"low\"}],"
                + "\"treatments\":" + four + "}").getBytes(), "treated.json"))
                .hasMessage("treated.json: $.treatments: 4 treatments, more than the limit of 3 (--max-treatments)");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void mutatedFilesGiveExitTwoAndAMessageThroughTheCommandLine(@TempDir Path tmp) throws IOException {
        List<byte[]> seeds = seeds();
        Random r = new Random(7);
        for (int i = 0; i < 40; i++) {
            Path f = tmp.resolve("m" + i + ".json");
            Files.write(f, mutate(seeds.get(i % seeds.size()), r));
            Run run = run("explain", "--format", "json", f.toString());
            assertThat(run.exit()).as(run.err()).isIn(0, 2);
            assertThat(run.err()).doesNotContain("\tat ").doesNotContain("internal error");
            if (run.exit() == 2) {
                assertThat(run.out()).isEmpty();
                assertThat(run.err()).startsWith("adcc: " + f);
            }
        }
    }

    @Test
    void aBatchOfMutatedLinesGivesOneRecordPerLineAndGoesOn(@TempDir Path tmp) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<byte[]> seeds = seeds();
        Random r = new Random(11);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String compact = json.writeValueAsString(json.readTree(seeds.get(i % seeds.size())));
            String line = i % 3 == 0 ? compact : new String(mutate(compact.getBytes(StandardCharsets.UTF_8), r), StandardCharsets.UTF_8);
            lines.add(line.replace('\n', ' ').replace('\r', ' '));
        }
        lines.add("x".repeat(3_000_000)); // longer than --max-bytes: skipped to its end, reported
        Path in = tmp.resolve("hostile.jsonl");
        Files.write(in, lines);
        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run("batch", in.toString()));
        assertThat(run.exit()).isIn(0, 2);
        assertThat(run.err()).doesNotContain("\tat ");
        List<String> out = run.out().lines().toList();
        long blank = lines.stream().filter(String::isBlank).count();
        assertThat(out).hasSize((int) (lines.size() - blank));
        for (String o : out) {
            JsonNode n = json.readTree(o);
            assertThat(n.has("outcome") || (n.has("line") && n.has("error"))).as(o).isTrue();
        }
        assertThat(json.readTree(out.get(out.size() - 1)).path("error").asText())
                .endsWith("the line is longer than the limit of 1048576 bytes (--max-bytes)");
    }
}
