package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted batch leaves well-formed output: SIGINT or SIGTERM end it after the chunk being written,
 * every line it wrote is whole and in order, stderr says how many, and the exit code is the signal's.
 */
class BatchSignalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void anInterruptedBatchEndsWithAWholeLine(String signal, int exit) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            lines.add(RuleFailureTest.scenario("s" + i, "mm"));
        }
        Path in = Files.write(tmp.resolve("cohort.jsonl"), lines);
        Process p = Subprocess.adcc("batch", "--threads", "2", in.toString()).start();
        InputStream stdout = p.getInputStream();
        byte[] head = stdout.readNBytes(50_000); // well under way
        Subprocess.signal(p, signal);
        assertEndedAfterAWholeLine(p, head, exit, lines.size());
    }

    /**
     * The process, signalled after writing {@code head}, ended with {@code exit}, its output whole lines of
     * the first scenarios in order (fewer than {@code total}), and stderr counts them.
     */
    static void assertEndedAfterAWholeLine(Process p, byte[] head, int exit, int total) throws IOException, InterruptedException {
        byte[] rest = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(exit);

        String out = new String(head, StandardCharsets.UTF_8) + new String(rest, StandardCharsets.UTF_8);
        assertThat(out).endsWith("\n");
        List<String> written = out.lines().toList();
        assertThat(written.size()).isLessThan(total);
        for (int i = 0; i < written.size(); i++) {
            assertThat(JSON.readTree(written.get(i)).path("scenario").asText()).isEqualTo("s" + (i + 1));
        }
        assertThat(err).contains("batch: interrupted; " + written.size() + " scenarios written, each on a whole line");
    }
}
