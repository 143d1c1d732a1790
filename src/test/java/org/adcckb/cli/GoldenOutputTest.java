package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.adcckb.cli.Cli.Run;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The answers, byte for byte: the text and JSON explanation of every scenario under {@code facts/}, and
 * {@code batch} over a fixed 1,000-line cohort (with six bad lines) with and without explanations, against
 * the files under {@code src/test/resources/golden/}. A change to the engine that changes no answer leaves
 * them all equal; a change to the knowledge that changes answers regenerates them with
 * {@code mvn test -Dtest=GoldenOutputTest -Dadcc.golden.update=true} and shows the difference in review
 * (the README beside the files says more).
 */
class GoldenOutputTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final Path COHORT = GOLDEN.resolve("cohort.jsonl");
    static final boolean UPDATE = Boolean.getBoolean("adcc.golden.update");

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioExplainsAsBefore() throws IOException {
        List<Path> scenarios;
        try (Stream<Path> s = Files.walk(Path.of("facts"))) {
            scenarios = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(scenarios).hasSizeGreaterThan(30);
        return scenarios.stream().flatMap(f -> {
            String stem = Path.of("facts").relativize(f).toString().replaceAll("\\.json$", "");
            return Stream.of(
                    DynamicTest.dynamicTest(stem + " (text)", () ->
                            compare(GOLDEN.resolve("facts/" + stem + ".txt"), Cli.ok("explain", f.toString()).out())),
                    DynamicTest.dynamicTest(stem + " (json)", () ->
                            compare(GOLDEN.resolve("facts/" + stem + ".json"),
                                    Cli.ok("explain", "--format", "json", f.toString()).out())));
        });
    }

    @Test
    void noGoldenFileOutlivesItsScenario() throws IOException {
        Path dir = GOLDEN.resolve("facts");
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path g : s.filter(Files::isRegularFile).toList()) {
                String stem = dir.relativize(g).toString().replaceAll("\\.(txt|json)$", "");
                assertThat(Path.of("facts", stem + ".json")).as("the scenario of %s", g).exists();
            }
        }
    }

    @Test
    void theCohortBatchesAsBefore() throws IOException {
        compareGzip(GOLDEN.resolve("cohort.batch.jsonl.gz"), batch());
    }

    @Test
    void theCohortBatchesAsBeforeWithoutExplanations() throws IOException {
        compareGzip(GOLDEN.resolve("cohort.batch-no-explain.jsonl.gz"), batch("--no-explain"));
    }

    @Test
    void theCohortHasItsSixBadLines() throws IOException {
        assertThat(Files.readAllLines(COHORT)).hasSize(1000);
        assertThat(batch("--no-explain").lines().filter(l -> l.startsWith("{\"line\":"))).hasSize(6);
    }

    private static String batch(String... options) {
        String[] args = Stream.concat(Stream.concat(Stream.of("batch", "--threads", "2"), Stream.of(options)),
                Stream.of(COHORT.toString())).toArray(String[]::new);
        Run r = Cli.run(args);
        assertThat(r.exit()).as("exit code (the cohort has bad lines); stderr:%n%s", r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("batch: 1000 scenarios, 6 failed");
        return r.out();
    }

    private static void compare(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
            return;
        }
        assertThat(golden).as("golden file; regenerate with -Dadcc.golden.update=true").exists();
        String expected = Files.readString(golden);
        if (!expected.equals(actual)) {
            fail(firstDifference(golden, expected, actual));
        }
    }

    private static void compareGzip(Path golden, String actual) throws IOException {
        if (UPDATE) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(golden))) {
                out.write(actual.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        assertThat(golden).as("golden file; regenerate with -Dadcc.golden.update=true").exists();
        String expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(golden))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            expected = b.toString(StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            fail(firstDifference(golden, expected, actual));
        }
    }

    /** Where the answer first differs from the golden file: its line number and both lines. */
    static String firstDifference(Path golden, String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String x = i < e.size() ? e.get(i) : "<end>";
            String y = i < a.size() ? a.get(i) : "<end>";
            if (!x.equals(y)) {
                return golden + ": line " + (i + 1) + " differs%n  expected: %s%n  actual:   %s".formatted(clip(x), clip(y));
            }
        }
        return golden + ": differs only in line endings or the final newline";
    }

    private static String clip(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
