package org.adcckb.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.adcckb.batch.CohortEngine;
import org.adcckb.batch.SharedKnowledge;
import org.adcckb.cli.Main;
import org.adcckb.input.Limits;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.kb.KnowledgeBaseLoader;
import org.adcckb.reasoning.RunLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The cohort job on an embedded local Spark against {@code adcc batch}: the part files, concatenated in name order,
 * are byte for byte what batch prints, over a cohort cut into many small partitions, bad lines included.
 */
class CohortJobTest {

    private static final Path RULES = Path.of("rules");
    private static final String[] LEVELS = {"none", "low", "medium", "high"};

    @TempDir
    static Path dir;

    @BeforeAll
    static void manySplits() {
        // At least 64 splits: a 10,000-line cohort becomes dozens of partitions, and lines straddle their ends.
        System.setProperty("spark.default.parallelism", "64");
    }

    @Test
    void partFilesInNameOrderAreWhatBatchPrints() throws IOException {
        Path cohort = dir.resolve("cohort.jsonl");
        Files.write(cohort, cohort(10_000, new Random(16)));
        String input = cohort.toString();

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        CommandLine batch = Main.commandLine();
        batch.setOut(new PrintWriter(new OutputStreamWriter(expected, StandardCharsets.UTF_8), true));
        batch.setErr(new PrintWriter(new StringWriter()));
        assertThat(batch.execute("batch", "--rules", RULES.toString(), input)).isEqualTo(2);

        Path out = dir.resolve("results");
        StringWriter err = new StringWriter();
        CommandLine job = CohortJob.commandLine();
        job.setErr(new PrintWriter(err));
        int code = job.execute("--master", "local[2]", "--rules", RULES.toString(), input, out.toString());

        assertThat(code).as(err.toString()).isEqualTo(2); // the bad lines, as for batch
        List<Path> parts = parts(out);
        assertThat(parts).as("partitions").hasSizeGreaterThan(10);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        for (Path part : parts) {
            actual.write(Files.readAllBytes(part));
        }
        byte[] want = expected.toByteArray();
        assertThat(want.length).isGreaterThan(10_000 * 1000);
        assertThat(firstDifference(actual.toByteArray(), want)).as("first line where the part files differ from batch").isEmpty();
        List<String> lines = new String(want, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("results: the blank lines give none").hasSize(10_000 - 2 * 11);
        assertThat(lines.stream().filter(l -> l.startsWith("{\"line\":")).map(l -> l.substring(0, l.indexOf(",")))).as("error records: 11 of each kind, but for the invalid UTF-8 of line 10,002")
                .hasSize(4 * 11 - 1).contains("{\"line\":5", "{\"line\":18", "{\"line\":24", "{\"line\":32", "{\"line\":9994");
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"format\":\"2\",\"scenario\":\"s9999\",\"title\":\"Zellen \u00fc 9999 \u03b1\"");
        assertThat(err.toString()).contains("cohort: 9978 scenarios, 43 failed, in ");
        // The executor's table: each distinct content once (4 x 15 x 36 at most), whatever the partition.
        assertThat(Evaluate.tabledContents()).isBetween(1000, 4 * 15 * 36);
    }

    @Test
    void anExecutorThatCompilesOtherRulesRefusesToRun() throws IOException {
        Path cohort = dir.resolve("small.jsonl");
        Files.write(cohort, cohort(50, new Random(3)));
        ShippedRules pinnedElsewhere = ShippedRules.of(RULES, "0".repeat(64));
        CohortEngine.Job job = new CohortEngine.Job(cohort.toString(), dir.resolve("mixed").toString(), RULES, false,
                Limits.DEFAULT, RunLimits.DEFAULT, "local[1]");

        assertThatThrownBy(() -> new SparkEngine().run(job, new PrintWriter(new StringWriter()), pinnedElsewhere))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("an executor refused to run")
                .hasMessageContaining("not the " + "0".repeat(64) + " this run was pinned to");
        assertThat(dir.resolve("mixed").resolve("_SUCCESS")).doesNotExist();
    }

    @Test
    void rulesChangedOnTheWayAreRefused() {
        String fingerprint = KnowledgeBaseLoader.load(RULES).fingerprint();
        ShippedRules rules = ShippedRules.of(RULES, fingerprint);
        assertThat(rules.compile().fingerprint()).isEqualTo(fingerprint);
        ShippedRules changed = rules.tampered("adcc.drl", "package adcc;\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(changed::compile).isInstanceOf(SharedKnowledge.MixedRules.class);
    }

    @Test
    void anExistingOutputOrAMissingInputIsBadInputWithoutATrace() throws IOException {
        Path cohort = dir.resolve("one.jsonl");
        Files.write(cohort, cohort(1, new Random(1)));
        Path existing = Files.createDirectories(dir.resolve("existing"));

        StringWriter err = new StringWriter();
        CommandLine job = CohortJob.commandLine();
        job.setErr(new PrintWriter(err));
        assertThat(job.execute("--master", "local[1]", "--rules", RULES.toString(), cohort.toString(), existing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(existing + ": already exists").doesNotContain("\tat ");

        err.getBuffer().setLength(0);
        assertThat(job.execute("--master", "local[1]", "--rules", RULES.toString(), dir.resolve("nope.jsonl").toString(),
                dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.jsonl: no such file or directory").doesNotContain("\tat ");
    }

    /** The first line (numbered from 1) where two outputs differ, shortened, or empty when they are equal. */
    private static java.util.Optional<String> firstDifference(byte[] actual, byte[] expected) {
        if (java.util.Arrays.equals(actual, expected)) {
            return java.util.Optional.empty();
        }
        List<String> a = new String(actual, StandardCharsets.UTF_8).lines().toList();
        List<String> e = new String(expected, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < Math.max(a.size(), e.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<none>";
            String y = i < e.size() ? e.get(i) : "<none>";
            if (!x.equals(y)) {
                return java.util.Optional.of("line " + (i + 1) + ": " + shorten(x) + " instead of " + shorten(y));
            }
        }
        return java.util.Optional.of("the same lines, other bytes (line ends?)");
    }

    private static String shorten(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    private static List<Path> parts(Path out) throws IOException {
        assertThat(out.resolve("_SUCCESS")).exists();
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    /**
     * Random scenarios of two cells and up to four treatments, with bad lines among them: broken JSON, an unknown
     * agent, a line longer than the limit, bytes that are not UTF-8, blank lines, CRLF line ends and a last line
     * without its newline.
     */
    static byte[] cohort(int n, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            String line = switch (i % 997) {
                case 4 -> "{\"id\": \"broken\", \"cells\": [";
                case 9 -> "";
                case 10 -> "   \t";
                case 17 -> "{\"id\": \"s" + i + "\", \"cells\": [{\"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \"high\"}], "
                        + "\"treatments\": [{\"agent\": \"aspirin\"}]}";
                case 23 -> "{\"id\": \"s" + i + "\", \"title\": \"" + "x".repeat(Limits.DEFAULT.maxBytes()) + "\"}";
                default -> scenario(i, random);
            };
            if (i % 997 == 31) {
                out.writeBytes(line.substring(0, 20).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
                out.writeBytes(line.substring(20).getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            }
            if (i < n - 1) {
                out.writeBytes(i % 5 == 0 ? "\r\n".getBytes(StandardCharsets.US_ASCII) : "\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    private static String scenario(int i, Random r) {
        String nk = "{\"id\": \"nk\", \"type\": \"nk\", \"cd16\": \"" + pick(r, "none", "158F", "158V") + "\", "
                + (r.nextInt(5) == 0 ? "\"cd38Knockout\": true, \"cd38\": \"none\"" : "\"cd38\": \"" + pick(r, LEVELS) + "\"") + "}";
        StringBuilder tr = new StringBuilder();
        if (r.nextBoolean()) {
            tr.append("{\"agent\": \"daratumumab\"}");
        }
        if (r.nextBoolean()) {
            tr.append(tr.length() > 0 ? ", " : "").append("{\"agent\": \"atra\", \"on\": \"").append(pick(r, "mm", "nk")).append("\"}");
        }
        if (r.nextBoolean()) {
            tr.append(tr.length() > 0 ? ", " : "").append("{\"agent\": \"ifn_alpha\", \"on\": \"mm\"}");
        }
        if (r.nextBoolean()) {
            tr.append(tr.length() > 0 ? ", " : "").append("{\"agent\": \"cd38_nanobody\", \"on\": \"").append(pick(r, "mm", "nk")).append("\"}");
        }
        String title = i % 101 == 0 ? ", \"title\": \"Zellen \\u00fc " + i + " \u03b1\"" : "";
        return "{\"id\": \"s" + i + "\"" + title + ", \"cells\": [{\"id\": \"mm\", \"type\": \"myeloma\", \"cd38\": \""
                + pick(r, LEVELS) + "\"}, " + nk + "], \"treatments\": [" + tr + "]}";
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }
}
