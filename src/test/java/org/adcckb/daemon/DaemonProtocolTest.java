package org.adcckb.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's protocol with a handler of the test's own: what the client relays, in both directions, and
 * how the daemon guards its socket and ends.
 */
@Timeout(60)
class DaemonProtocolTest {

    @TempDir
    Path temp;

    private Server server;
    private Thread serving;
    private final StringWriter log = new StringWriter();

    private Path socket() throws IOException {
        Path dir = temp.resolve("d");
        if (!Files.exists(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return dir.resolve("s.sock");
    }

    private Path start(Server.Handler handler) throws IOException {
        return start(handler, Duration.ofMinutes(5));
    }

    private Path start(Server.Handler handler, Duration idle) throws IOException {
        Path socket = socket();
        server = new Server(socket, idle, handler, new PrintWriter(log, true));
        serving = Serving.start(server);
        return socket;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.close();
            serving.join(10_000);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result call(Path socket, List<String> args, InputStream stdin, Signals signals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Client.run(socket, Frames.RUN, args, "/some/dir", stdin, out, err, signals);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theClientRelaysOutputErrorAndTheExitCode() throws IOException {
        byte[] big = new byte[3 * Frames.MAX_FRAME + 17]; // more than one frame
        java.util.Arrays.fill(big, (byte) 'x');
        Path socket = start(c -> {
            c.out().write(String.join("|", c.args()).getBytes(StandardCharsets.UTF_8));
            c.out().write(big);
            c.err().write(("in " + c.workingDir() + "\n").getBytes(StandardCharsets.UTF_8));
            return 7;
        });

        Result r = call(socket, List.of("batch", "a b", "é"), InputStream.nullInputStream(), Signals.none());

        assertThat(r.exit()).isEqualTo(7);
        assertThat(r.out()).isEqualTo("batch|a b|é" + "x".repeat(big.length));
        assertThat(r.err()).isEqualTo("in /some/dir\n");
    }

    @Test
    void aPipeOrDeviceOfTheClientIsNotSentToTheDaemon() throws IOException {
        // The daemon would open its own /dev/fd/63 or /dev/stdin: such a command runs in a JVM of its own.
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Path socket = start(c -> {
            calls.incrementAndGet();
            return 0;
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Client.run(socket, Frames.RUN, List.of("batch", "--no-explain", "/dev/null"), temp.toString(),
                InputStream.nullInputStream(), out, out, Signals.none())).isEqualTo(Client.NO_DAEMON);
        assertThat(Client.run(socket, Frames.RUN, List.of("batch", "null"), "/dev", InputStream.nullInputStream(), out, out,
                Signals.none())).isEqualTo(Client.NO_DAEMON);
        assertThat(out.size()).isZero();
        assertThat(calls.get()).isZero();
        Files.writeString(temp.resolve("cohort.jsonl"), "");
        assertThat(Client.run(socket, Frames.RUN, List.of("batch", "cohort.jsonl"), temp.toString(), InputStream.nullInputStream(),
                out, out, Signals.none())).isZero();
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void standardInputIsSentOnlyWhenTheCommandReadsIt() throws IOException {
        Path socket = start(c -> {
            if (c.args().contains("read")) {
                c.out().write(c.stdin().readAllBytes());
            }
            return 0;
        });
        byte[] input = "line 1\nline 2\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("stdin read for a command that does not read it");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw new AssertionError("stdin read for a command that does not read it");
            }
        };

        Result ignored = call(socket, List.of("ignore"), untouchable, Signals.none());
        assertThat(ignored.exit()).isZero();
        assertThat(ignored.out()).isEmpty();

        Result r = call(socket, List.of("read"), new ByteArrayInputStream(input), Signals.none());
        assertThat(r.out()).isEqualTo(new String(input, StandardCharsets.UTF_8));
    }

    @Test
    void aSignalStopsTheCommandAndTheExitCodeIsTheSignals() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Path socket = start(c -> {
            c.onStop(stopped::countDown);
            c.out().write("started\n".getBytes(StandardCharsets.UTF_8));
            running.countDown();
            assertThat(stopped.await(20, TimeUnit.SECONDS)).isTrue();
            c.out().write("stopped\n".getBytes(StandardCharsets.UTF_8));
            return 1;
        });
        Signals signals = Signals.none();
        Thread sender = new Thread(() -> {
            try {
                running.await();
                Thread.sleep(100); // the client is waiting for frames
                signals.received(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sender.start();

        Result r = call(socket, List.of("long"), InputStream.nullInputStream(), signals);

        assertThat(r.exit()).isEqualTo(128 + 15);
        assertThat(r.out()).isEqualTo("started\nstopped\n");
    }

    @Test
    void aFailureToReadStandardInputFailsTheCommandsRead() throws IOException {
        Path socket = start(c -> {
            try {
                c.stdin().readAllBytes();
                return 0;
            } catch (IOException e) {
                c.err().write(("cannot be read: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                return 2;
            }
        });
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Is a directory");
            }
        };

        Result r = call(socket, List.of("read"), broken, Signals.none());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cannot be read: Is a directory\n");
    }

    @Test
    void aSignalEndsACommandWaitingForInputThatDoesNotCome() throws Exception {
        Path socket = start(c -> {
            c.onStop(() -> { });
            c.stdin().readAllBytes(); // ends when the signal comes
            return 1;
        });
        java.io.PipedOutputStream feed = new java.io.PipedOutputStream();
        InputStream silent = new java.io.PipedInputStream(feed);
        Signals signals = Signals.none();
        Thread sender = new Thread(() -> {
            try {
                Thread.sleep(300);
                signals.received(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sender.start();

        Result r = call(socket, List.of("read"), silent, signals);

        assertThat(r.exit()).isEqualTo(130);
        feed.close();
    }

    @Test
    void aBatchThatWouldWaitForAnotherIsRefusedSoItRunsOnItsOwn() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path socket = start(c -> {
            running.countDown();
            assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            return 0;
        });
        Thread first = new Thread(() -> call(socket, List.of("first"), InputStream.nullInputStream(), Signals.none()));
        first.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        Result second = call(socket, List.of("second"), InputStream.nullInputStream(), Signals.none());

        assertThat(second.exit()).isEqualTo(Client.NO_DAEMON);
        assertThat(second.out()).isEmpty();
        assertThat(second.err()).contains("running another batch");
        release.countDown();
        first.join(10_000);
        assertThat(call(socket, List.of("third"), InputStream.nullInputStream(), Signals.none()).exit())
                .as("the daemon serves on").isZero();
    }

    @Test
    void aClientThatGoesAwayStopsItsCommandAndTheNextOneRuns() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Path socket = start(c -> {
            if (c.args().contains("wait")) {
                c.onStop(stopped::countDown);
                running.countDown();
                c.stdin().readAllBytes(); // the client sends no input and vanishes: this read ends
                return 0;
            }
            c.out().write("next\n".getBytes(StandardCharsets.UTF_8));
            return 0;
        });
        // A client whose process dies mid-command: its socket closes without a word.
        try (Channel raw = Channel.connect(socket)) {
            Frames.writeRequest(new DataOutputStream(raw.out), new Frames.Request(Frames.RUN, Build.id(), "/", List.of("wait")));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(stopped.await(10, TimeUnit.SECONDS)).as("the stop action of the vanished client's command ran").isTrue();
        // The stopped command is still ending for a moment, and a batch that finds the daemon busy is refused.
        Result next = call(socket, List.of("other"), InputStream.nullInputStream(), Signals.none());
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
             next.exit() == Client.NO_DAEMON && System.nanoTime() < deadline; ) {
            Thread.sleep(20);
            next = call(socket, List.of("other"), InputStream.nullInputStream(), Signals.none());
        }
        assertThat(next.out()).isEqualTo("next\n");
        assertThat(next.exit()).isZero();
    }

    @Test
    void aClientOfAnotherBuildIsRefusedAndTheDaemonEnds() throws Exception {
        Path socket = start(c -> 0);
        try (Channel raw = Channel.connect(socket)) {
            Frames.writeRequest(new DataOutputStream(raw.out), new Frames.Request(Frames.RUN, "another build", "/", List.of("batch")));
            java.io.DataInputStream in = new java.io.DataInputStream(raw.in);
            Frames.Frame f = Frames.read(in);
            assertThat(f.type()).isEqualTo(Frames.REFUSED);
            assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).contains("another build of adcc-kb");
        }
        serving.join(10_000);
        assertThat(serving.isAlive()).as("the daemon ended").isFalse();
        assertThat(socket).doesNotExist();
        assertThat(call(socket, List.of("batch"), InputStream.nullInputStream(), Signals.none()).exit())
                .as("no daemon: the launcher runs the batch itself").isEqualTo(Client.NO_DAEMON);
    }

    @Test
    void statusAndStop() throws Exception {
        Path socket = start(c -> 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Client.ask(socket, Client.statusRequest(), out, java.io.OutputStream.nullOutputStream())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("adcc daemon: pid " + ProcessHandle.current().pid())
                .contains("0 commands served, idle").contains("socket: " + socket);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Client.ask(socket, Client.stopRequest(), java.io.OutputStream.nullOutputStream(), err)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stopping");
        serving.join(10_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(socket).doesNotExist();
        assertThat(Client.ask(socket, Client.statusRequest(), out, java.io.OutputStream.nullOutputStream())).isEqualTo(Client.NO_DAEMON);
    }

    @Test
    void theDaemonListensOnlyInADirectoryOfItsOwnAndNotTwice() throws IOException {
        Path open = temp.resolve("open");
        Files.createDirectory(open, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThatThrownBy(() -> new Server(open.resolve("s.sock"), Duration.ofMinutes(1), c -> 0, new PrintWriter(log)))
                .isInstanceOf(IOException.class).hasMessageContaining("is open to others (rwxr-xr-x)");

        Path socket = start(c -> 0);
        assertThatThrownBy(() -> new Server(socket, Duration.ofMinutes(1), c -> 0, new PrintWriter(log)))
                .isInstanceOf(IOException.class).hasMessageContaining("already listening");
    }

    @Test
    void aSocketLeftByADeadDaemonIsReplaced() throws IOException {
        Path socket = socket();
        try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.bind(java.net.UnixDomainSocketAddress.of(socket)); // bound, then closed without removing the file
        }
        assertThat(socket).exists();
        start(c -> 3);
        assertThat(call(socket, List.of("x"), InputStream.nullInputStream(), Signals.none()).exit()).isEqualTo(3);
    }

    @Test
    void anIdleDaemonEnds() throws Exception {
        start(c -> 0, Duration.ofMillis(200));
        serving.join(10_000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(log.toString()).contains("idle for");
    }
}
