package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every write to standard output is checked: a full disk ends the command with a message and exit 1, and
 * no summary claims success; a reader that went away ends it quietly with 141, as SIGPIPE ends Unix tools.
 */
class WriteFailureTest {

    @TempDir
    Path tmp;

    /** Standard output that accepts {@code room} bytes, then fails as a device or pipe would. */
    private static final class Failing extends OutputStream {
        private final String message;
        private long room;

        Failing(long room, String message) {
            this.room = room;
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > room) {
                room = 0;
                throw new IOException(message);
            }
            room -= len;
        }
    }

    private record Run(int exit, String err) {
    }

    private static Run run(OutputStream stdout, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new Main.StandardOut(stdout));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), err.toString());
    }

    private Path cohort(int lines) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            out.add(RuleFailureTest.scenario("s" + i, "mm"));
        }
        return Files.write(tmp.resolve("cohort.jsonl"), out);
    }

    @Test
    void batchOnAFullDiskStopsAtOnceWithAMessageAndClaimsNothing() throws IOException {
        Path in = cohort(5000);
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run(new Failing(200_000, "No space left on device"), "batch", in.toString()));
        assertThat(r.exit()).isEqualTo(Main.INTERNAL);
        assertThat(r.err()).contains("adcc: cannot write the answer to standard output: No space left on device")
                .doesNotContain("failed, in").doesNotContain("\tat ");
    }

    @Test
    void batchIntoAClosedPipeEndsQuietlyAs141() throws IOException {
        Path in = cohort(5000);
        Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> run(new Failing(50_000, "Broken pipe"), "batch", in.toString()));
        assertThat(r.exit()).isEqualTo(OutputFailure.BROKEN_PIPE);
        assertThat(r.err()).doesNotContain("adcc:").doesNotContain("failed, in");
    }

    @Test
    void everyAnsweringCommandChecksItsWrite() {
        String scenario = "facts/lejeune-2021/low-target-dara.json";
        for (String[] args : List.of(
                new String[] {"explain", scenario},
                new String[] {"explain", "--format", "json", scenario},
                new String[] {"sweep", scenario, "--vary", "atra@mm"},
                new String[] {"whatif", scenario, "--add", "atra@mm"},
                new String[] {"rules"})) {
            Run r = run(new Failing(10, "No space left on device"), args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.INTERNAL);
            assertThat(r.err()).as(String.join(" ", args))
                    .isEqualTo("adcc: cannot write the answer to standard output: No space left on device\n");
        }
    }

    @Test
    void aRealProcessWritingToDevFullFails() throws Exception {
        File full = new File("/dev/full");
        assertThat(full).as("this test needs Linux's /dev/full").exists();
        Path in = cohort(2000);
        Process p = Subprocess.adcc("batch", in.toString()).redirectOutput(full).redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(Main.INTERNAL);
        assertThat(err).contains("adcc: cannot write the answer to standard output: No space left on device")
                .doesNotContain("failed, in");

        Process explain = Subprocess.adcc("explain", "facts/lejeune-2021/low-target-dara.json").redirectOutput(full).start();
        String explainErr = new String(explain.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(explain.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(explain.exitValue()).as(explainErr).isEqualTo(Main.INTERNAL);
        assertThat(explainErr).contains("No space left on device");
    }

    @Test
    void aRealProcessWhoseReaderGoesAwayEndsQuietly() throws Exception {
        Path in = cohort(20_000);
        Process p = Subprocess.adcc("batch", "--threads", "1", in.toString()).start();
        InputStream out = p.getInputStream();
        assertThat(out.readNBytes(1000)).hasSize(1000); // like `| head -c 1000`
        out.close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(OutputFailure.BROKEN_PIPE);
        assertThat(err).doesNotContain("adcc:").doesNotContain("failed, in");
    }
}
