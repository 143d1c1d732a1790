package org.adcckb.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.adcckb.TestKb;
import org.adcckb.batch.Lines;
import org.adcckb.input.InputException;
import org.adcckb.input.Limits;
import org.adcckb.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adcc batch} on JSON Lines that mix good scenarios, damaged ones, blank lines, LF and CRLF line
 * ends and a BOM: one record per non-blank line, in input order, each the result of the line's scenario
 * or {@code {"line": N, "error": ...}} with exactly the reader's message; exit 2 when any line was bad;
 * the same bytes on a second run, with one thread or two, and from standard input.
 */
@org.junit.jupiter.api.extension.ExtendWith(Timing.class)
class BatchFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScenarioReader READER = new ScenarioReader(TestKb.kb().vocabulary());
    private static final int MAX_BYTES = Limits.DEFAULT.maxBytes();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path tmp;

    /** One input line without its end, and the end it is written with. */
    private record Line(byte[] content, String end) {
        /** Blank as batch counts it: JSON whitespace only (CR is part of the line end). */
        boolean blank() {
            for (byte b : content) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    /** What the record of a non-blank line must be: a result for {@code id}, or an error record with {@code error}. */
    private record Expected(long line, String id, String error) {
    }

    @Test
    void mixedLinesGiveOneRecordEachInOrderAndTheSameBytesEveryRun() throws IOException {
        String replay = Fuzz.replay("BatchFuzzTest");
        List<Line> lines = mixed(Fuzz.random("batch", 0), Fuzz.share(120, 40), true);
        Path file = write("mixed.jsonl", lines);

        InProcess.Run two = InProcess.run(replay, "batch", "--threads", "2", file.toString());
        List<Expected> expected = expected(lines, file.toString());
        checkRecords(two, expected, replay + ", input kept in " + Fuzz.keep("batch-mixed.jsonl", bytes(lines)));

        InProcess.Run again = InProcess.run(replay, "batch", "--threads", "2", file.toString());
        InProcess.Run one = InProcess.run(replay, "batch", "--threads", "1", file.toString());
        assertThat(again.exit()).as(replay + ": exit code of a second run").isEqualTo(two.exit());
        assertThat(again.out()).as(replay + ": stdout of a second run").isEqualTo(two.out());
        assertThat(one.exit()).as(replay + ": exit code with one thread").isEqualTo(two.exit());
        assertThat(one.out()).as(replay + ": stdout with one thread").isEqualTo(two.out());

        InProcess.Run stdin = InProcess.run(replay, bytes(lines), "batch", "--threads", "2");
        checkRecords(stdin, expected(lines, "stdin"), replay + ": from standard input");

        // The good lines alone: exit 0, and exactly the results they had among the bad ones.
        List<Line> good = new ArrayList<>();
        List<String> goodRecords = new ArrayList<>();
        List<String> records = two.outLines();
        for (int i = 0, k = 0; i < lines.size(); i++) {
            if (lines.get(i).blank()) {
                good.add(lines.get(i));
            } else if (expected.get(k++).id() != null) {
                good.add(lines.get(i));
                goodRecords.add(records.get(k - 1));
            }
        }
        InProcess.Run clean = InProcess.run(replay, "batch", write("good.jsonl", good).toString());
        assertThat(clean.exit()).as(replay + ": exit code without bad lines; stderr: " + clean.err()).isZero();
        assertThat(clean.outLines()).as(replay + ": the good lines' results").isEqualTo(goodRecords);
    }

    /**
     * A line as long as --max-bytes allows is read, whether it ends with LF or CRLF: the CR belongs to the
     * line end, not to the line.
     */
    @Test
    void aLineAtTheSizeLimitIsReadWhateverItsLineEnd() throws IOException {
        Random r = Fuzz.random("batch-limit", 0);
        Mutator mutator = Mutator.ofShippedScenarios();
        String scenario = mutator.seedLine(r.nextInt(mutator.seedCount()));
        int limit = scenario.getBytes(StandardCharsets.UTF_8).length;
        Path file = tmp.resolve("limit.jsonl");
        Files.writeString(file, scenario + "\n" + scenario + "\r\n" + scenario + "\r\n");
        InProcess.Run run = InProcess.run(Fuzz.replay("BatchFuzzTest"), "batch", "--max-bytes", Integer.toString(limit), file.toString());
        assertThat(run.outLines()).as(Fuzz.replay("BatchFuzzTest") + ": --max-bytes " + limit).hasSize(3)
                .allSatisfy(record -> assertThat(record).startsWith("{\"format\""));
        assertThat(run.exit()).isZero();
    }

    /**
     * The distributed path (docs/SCALING.md: {@link Lines#partition}, line numbers of the whole cohort)
     * gives, for the same lines, exactly what batch gives.
     */
    @Test
    void partitionsGiveWhatBatchGives() throws IOException {
        String replay = Fuzz.replay("BatchFuzzTest");
        List<Line> lines = mixed(Fuzz.random("batch-partition", 0), Fuzz.share(60, 30), false).stream()
                .filter(l -> utf8(l.content()) != null).toList();
        Path file = write("cohort.jsonl", lines);
        InProcess.Run batch = InProcess.run(replay, "batch", file.toString());
        List<String> texts = lines.stream().map(l -> utf8(l.content())).toList();
        Lines evaluator = new Lines(TestKb.kb(), TestKb.reasoner(), Limits.DEFAULT, true);
        List<String> distributed = new ArrayList<>();
        int size = 7;
        for (int start = 0; start < texts.size(); start += size) {
            evaluator.partition(texts.subList(start, Math.min(texts.size(), start + size)).iterator(), start + 1, "cohort")
                    .forEachRemaining(distributed::add);
        }
        List<String> single = batch.outLines().stream().map(l -> l.replace(file + ":", "cohort:")).toList();
        // The first difference, for a readable message; then the counts.
        for (int k = 0; k < Math.min(single.size(), distributed.size()); k++) {
            assertThat(distributed.get(k)).as(replay + ": record " + (k + 1) + ", input kept in "
                    + Fuzz.keep("batch-partition.jsonl", bytes(lines))).isEqualTo(single.get(k));
        }
        assertThat(distributed).as(replay).hasSameSizeAs(single);
    }

    // ---- the input

    /**
     * {@code n} lines: shipped scenarios, damaged ones (made one line), JSON-blank lines, lines of other
     * whitespace (which are not blank), and now and then a line over the size limit; each ends with LF or
     * CRLF, the last one sometimes with nothing; with {@code bom}, the input may start with a BOM.
     */
    private static List<Line> mixed(Random r, int n, boolean huge) {
        Mutator mutator = Mutator.ofShippedScenarios();
        String[] blanks = {"", " ", "\t", " \t  "};
        String[] otherSpace = {"\f", "\u000b", "\u00a0", "\u2003", "\u0085", "\u3000"};
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(100);
            byte[] content;
            if (kind < 35) {
                content = Mutator.utf8(mutator.seedLine(r.nextInt(mutator.seedCount())));
            } else if (kind < 80) {
                content = oneLine(mutator.next(r).bytes());
            } else if (kind < 90) {
                content = Mutator.utf8(blanks[r.nextInt(blanks.length)]);
            } else if (kind < 96) {
                content = Mutator.utf8(otherSpace[r.nextInt(otherSpace.length)]);
            } else if (kind < 99 || !huge) {
                content = Mutator.concat(BOM, Mutator.utf8(mutator.seedLine(r.nextInt(mutator.seedCount()))));
            } else {
                content = new byte[MAX_BYTES + 1 + r.nextInt(1000)];
                Arrays.fill(content, (byte) 'x');
            }
            if (!huge && content.length > MAX_BYTES) {
                continue;
            }
            String end = i == n - 1 && r.nextBoolean() ? "" : r.nextBoolean() ? "\n" : "\r\n";
            lines.add(new Line(content, end));
        }
        return lines;
    }

    /** A damaged scenario as one line: its line breaks become spaces (JSON whitespace, so its meaning stays). */
    private static byte[] oneLine(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '\n' || out[i] == '\r') {
                out[i] = ' ';
            }
        }
        return out;
    }

    private static byte[] bytes(List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Line l : lines) {
            out.writeBytes(l.content());
            out.writeBytes(Mutator.utf8(l.end()));
        }
        return out.toByteArray();
    }

    private Path write(String name, List<Line> lines) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, bytes(lines));
        return f;
    }

    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    // ---- the oracle: the scenario reader, line by line

    private static List<Expected> expected(List<Line> lines, String name) {
        List<Expected> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            long number = i + 1;
            if (l.blank()) {
                continue;
            }
            if (l.content().length > MAX_BYTES) {
                out.add(new Expected(number, null, name + ":" + number + ": the line is longer than the limit of " + MAX_BYTES
                        + " bytes (--max-bytes)"));
                continue;
            }
            try {
                out.add(new Expected(number, READER.read(l.content(), name + ":" + number).id(), null));
            } catch (InputException e) {
                out.add(new Expected(number, null, e.getMessage()));
            }
        }
        return out;
    }

    private static void checkRecords(InProcess.Run run, List<Expected> expected, String about) throws IOException {
        assertThat(run.err()).as(about + ": stderr").doesNotContain("\tat ").doesNotContain("Exception");
        List<String> records = run.outLines();
        assertThat(records).as(about + ": one record per non-blank line").hasSize(expected.size());
        long bad = expected.stream().filter(e -> e.id() == null).count();
        for (int k = 0; k < records.size(); k++) {
            Expected e = expected.get(k);
            JsonNode record = JSON.readTree(records.get(k));
            String what = about + ": record " + (k + 1) + ", input line " + e.line();
            if (e.id() != null) {
                assertThat(record.path("scenario").asText()).as(what).isEqualTo(e.id());
                assertThat(record.has("error") || !record.has("outcome")).as(what + ": a result").isFalse();
            } else {
                assertThat(record.size()).as(what + ": " + record).isEqualTo(2);
                assertThat(record.path("line").isIntegralNumber() && record.path("line").asLong() == e.line()).as(what + ": " + record).isTrue();
                assertThat(record.path("error").textValue()).as(what).isEqualTo(e.error());
                ScenarioReaderFuzzTest.assertSafeMessage(e.error(), e.error().substring(0, e.error().indexOf(": ")), what);
            }
        }
        assertThat(run.exit()).as(about + ": exit code").isEqualTo(bad > 0 ? 2 : 0);
        assertThat(run.err()).as(about + ": summary").contains("batch: " + expected.size() + " scenarios, " + bad + " failed");
    }
}
