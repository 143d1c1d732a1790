package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.daemon.Client;
import org.adcckb.daemon.Server;
import org.adcckb.daemon.Signals;
import org.adcckb.kb.KnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run by the daemon gives what the same batch gives in a process of its own: the same bytes on
 * stdout, the same messages and exit codes, with the client's working directory, standard input and
 * signals; and a rule edited between two batches is in force in the second.
 */
@Timeout(120)
class DaemonBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static Server server;
    private static Thread serving;
    private static Path socket;
    private static final DaemonHost.Knowledge KNOWLEDGE = new DaemonHost.Knowledge();

    @BeforeAll
    static void startDaemon() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("d"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        socket = dir.resolve("s.sock");
        server = new Server(socket, Duration.ofMinutes(5), call -> DaemonCommand.batch(call, KNOWLEDGE), new PrintWriter(new StringWriter()));
        serving = org.adcckb.daemon.Serving.start(server);
    }

    @AfterAll
    static void stopDaemon() throws InterruptedException {
        server.close();
        serving.join(10_000);
    }

    private static Cli.Run viaDaemon(String workingDir, InputStream stdin, Signals signals, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Client.run(socket, Client.runRequest(), List.of(args), workingDir, stdin, out, err, signals);
        return new Cli.Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Cli.Run viaDaemon(String... args) {
        return viaDaemon(System.getProperty("user.dir"), InputStream.nullInputStream(), Signals.none(), args);
    }

    /** The summary's time and rate differ from run to run, and a progress line shows only in a run over a second. */
    private static String untimed(String err) {
        return err.replaceAll("(?m)^batch: \\d+ scenarios \\(\\d+/s\\)\n", "")
                .replaceAll(" in \\d+\\.\\d s \\(\\d+/s\\)", " in T s (R/s)");
    }

    private static Path cohortWithBadLines() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("facts/lejeune-2021.jsonl")));
        lines.add(3, "{\"id\": \"broken\", \"cells\": [");
        lines.add(5, "");
        lines.add(7, RuleFailureTest.scenario("unknown-agent", "mm").replace("\"atra\"", "\"no_such_agent\""));
        lines.add(RuleFailureTest.scenario("last", "mm"));
        return Files.write(temp.resolve("cohort.jsonl"), lines);
    }

    @Test
    void aBatchGivesTheBytesAndExitCodeOfABatchOfItsOwn() throws IOException {
        Path cohort = cohortWithBadLines();
        for (String[] args : new String[][] {{"batch", cohort.toString()}, {"batch", "--no-explain", "--threads", "1", cohort.toString()}}) {
            Cli.Run alone = Cli.run(args);
            Cli.Run daemon = viaDaemon(args);

            assertThat(alone.exit()).as("some lines fail").isEqualTo(Main.BAD_INPUT);
            assertThat(daemon.exit()).isEqualTo(alone.exit());
            assertThat(daemon.out()).isEqualTo(alone.out());
            assertThat(untimed(daemon.err())).isEqualTo(untimed(alone.err()));
        }
    }

    @Test
    void theClientsWorkingDirectoryAndStandardInputAreUsed() throws IOException {
        Path cohort = cohortWithBadLines();
        String alone = Cli.run("batch", cohort.toString()).out();

        String rules = Path.of("rules").toAbsolutePath().toString();
        Cli.Run relative = viaDaemon(temp.toString(), InputStream.nullInputStream(), Signals.none(), "batch", "--rules", rules, "cohort.jsonl");
        Cli.Run stdin = viaDaemon("/", new ByteArrayInputStream(Files.readAllBytes(cohort)), Signals.none(), "batch", "--rules", rules, "-");

        assertThat(relative.out().lines()).as("error records name the file as given")
                .containsExactlyElementsOf(alone.replace(cohort.toString(), "cohort.jsonl").lines().toList());
        assertThat(stdin.out().lines()).as("stdin names itself in error records, as a batch of stdin does")
                .containsExactlyElementsOf(alone.replace(cohort.toString(), "stdin").lines().toList());
        assertThat(stdin.exit()).isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void badInputAndUsageAreToldAsByABatchOfItsOwn() {
        Cli.Run missing = viaDaemon("/", InputStream.nullInputStream(), Signals.none(), "batch", "no-such.jsonl");
        assertThat(missing.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo(Cli.run("batch", "no-such.jsonl").err()).contains("no-such.jsonl").doesNotContain("\tat ");

        Cli.Run usage = viaDaemon("batch", "--bogus");
        assertThat(usage.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(usage.err()).isEqualTo(Cli.run("batch", "--bogus").err()).contains("--bogus");

        Cli.Run other = viaDaemon("explain", "facts/lejeune-2021/atra-low-target.json");
        assertThat(other.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(other.err()).isEqualTo("adcc: the daemon runs batch only, not 'explain'\n");
    }

    @Test
    void aSignalEndsTheBatchAfterAWholeLineWithTheSignalsExitCode() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed, 1 << 16);
        Thread writer = new Thread(() -> {
            try {
                for (int i = 1; i <= 2_000_000; i++) {
                    feed.write((RuleFailureTest.scenario("s" + i, "mm") + "\n").getBytes(StandardCharsets.UTF_8));
                }
                feed.close();
            } catch (IOException e) {
                // the batch stopped reading
            }
        });
        writer.setDaemon(true);
        writer.start();
        Signals signals = Signals.none();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            private boolean signalled;

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                if (!signalled && size() > 200_000) { // well under way
                    signalled = true;
                    new Thread(() -> signals.received(2)).start();
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Client.run(socket, Client.runRequest(), List.of("batch", "--no-explain", "--rules", Path.of("rules").toAbsolutePath().toString()), "/", stdin, out, err, signals);

        assertThat(exit).as("exit code; stderr:%n%s", err.toString(StandardCharsets.UTF_8)).isEqualTo(130);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<String> lines = text.lines().toList();
        assertThat(lines.size()).isLessThan(2_000_000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(JSON.readTree(lines.get(i)).get("scenario").asText()).isEqualTo("s" + (i + 1));
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("batch: interrupted; " + lines.size() + " scenarios written");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"TERM, 143", "INT, 130"})
    void aSignalToTheClientsProcessEndsTheBatchInTheDaemon(String signal, int exit) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            lines.add(RuleFailureTest.scenario("s" + i, "mm"));
        }
        Path in = Files.write(temp.resolve("signal-" + signal + ".jsonl"), lines);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Client.class.getName(), socket.toString(),
                "batch", "--rules", Path.of("rules").toAbsolutePath().toString(), in.toString()).start();
        InputStream stdout = p.getInputStream();
        byte[] head = stdout.readNBytes(50_000); // well under way
        Subprocess.signal(p, signal);
        BatchSignalTest.assertEndedAfterAWholeLine(p, head, exit, lines.size());
    }

    @Test
    void theKnowledgeBaseIsKeptUntilTheRulesChange() throws IOException {
        Path rules = temp.resolve("rules");
        copy(Path.of("rules"), rules);
        KnowledgeBase first = KNOWLEDGE.load(org.adcckb.kb.RulesFiles.read(rules));
        assertThat(KNOWLEDGE.load(org.adcckb.kb.RulesFiles.read(rules))).as("the same rules: the same knowledge base").isSameAs(first);

        Path file;
        try (var files = Files.list(rules)) {
            file = files.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(file, Files.readString(file) + "\n// edited\n");
        assertThat(KNOWLEDGE.load(org.adcckb.kb.RulesFiles.read(rules))).as("an edited rule file: loaded again").isNotSameAs(first);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
