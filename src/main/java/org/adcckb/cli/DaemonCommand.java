package org.adcckb.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.adcckb.daemon.Call;
import org.adcckb.daemon.Client;
import org.adcckb.daemon.Server;
import org.adcckb.input.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code adcc daemon}: a JVM kept running with the knowledge base loaded and its code compiled, which runs
 * the batches that {@code ./adcc batch} hands it (docs/PERFORMANCE.md says what it saves). Batches run in it
 * one at a time, with the caller's working directory, standard streams and signals, and give the same bytes
 * and exit codes as a batch run in a process of its own.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Keep a JVM running that runs ./adcc batch: start it, ask its status, stop it, or run it in the foreground.",
                "While it runs, ./adcc batch (the local engine) goes to it and skips the JVM's start, the loading of the rules "
                        + "and the compilation of the code; each batch still evaluates every scenario of its input. "
                        + "The launcher gives the socket, in a directory only you may enter; set ADCC_NO_DAEMON=1 to run a batch without it."},
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Status.class, DaemonCommand.Stop.class, DaemonCommand.Run.class},
        footerHeading = "%nExample:%n",
        footer = {"  adcc daemon start", "Then ./adcc batch runs in it, until 'adcc daemon stop'."})
final class DaemonCommand implements Runnable {

    /** What {@code status} exits with when no daemon listens (as an init script's status would). */
    static final int NOT_RUNNING = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: start, status, stop or run");
    }

    /** The socket the launcher chose for this checkout ({@code -Dadcc.daemon.socket}), or {@code --socket}. */
    static final class SocketOption {
        @Option(names = "--socket", paramLabel = "PATH",
                description = "The daemon's Unix domain socket (default: the one ./adcc gives for this checkout).")
        Path socket;

        Path path() {
            if (socket != null) {
                return socket;
            }
            String p = System.getProperty("adcc.daemon.socket");
            if (p == null || p.isBlank()) {
                throw new InputException("--socket", "", "is needed when adcc runs without its launcher; ./adcc gives one per checkout");
            }
            return Path.of(p);
        }
    }

    /** What every subcommand takes: the socket. */
    abstract static class Subcommand implements Callable<Integer> {
        @Mixin
        SocketOption socket;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
    }

    /** How long a daemon waits for a batch before it ends. */
    static final class IdleOption {
        @Option(names = "--idle-minutes", paramLabel = "N", defaultValue = "60",
                description = "End after N minutes without a client (default: ${DEFAULT-VALUE}).")
        int idleMinutes;

        int minutes() {
            if (idleMinutes < 1) {
                throw new InputException("--idle-minutes", "", "must be at least 1, got " + idleMinutes);
            }
            return idleMinutes;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Tell whether a daemon runs, since when and what it is doing. Exit code 0 if it runs, 3 if not.")
    static final class Status extends Subcommand {

        @Override
        public Integer call() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Client.ask(socket.path(), Client.statusRequest(), out, System.err);
            if (code == Client.NO_DAEMON) {
                spec.commandLine().getOut().println("adcc daemon: not running");
                Main.checkWritten(spec.commandLine().getOut());
                return NOT_RUNNING;
            }
            spec.commandLine().getOut().print(out.toString(StandardCharsets.UTF_8));
            Main.checkWritten(spec.commandLine().getOut());
            return code;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "End the daemon; a batch it is running goes on to its end first.")
    static final class Stop extends Subcommand {

        @Override
        public Integer call() {
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            int code = Client.ask(socket.path(), Client.stopRequest(), java.io.OutputStream.nullOutputStream(), said);
            PrintWriter err = spec.commandLine().getErr();
            err.print(code == Client.NO_DAEMON ? "adcc: no daemon is running\n" : said.toString(StandardCharsets.UTF_8));
            err.flush();
            return code == Client.NO_DAEMON ? 0 : code;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the daemon in the foreground (start runs this in the background), logging to standard error.")
    static final class Run extends Subcommand {

        @Mixin
        IdleOption idle;

        @Override
        public Integer call() throws IOException {
            int idleMinutes = idle.minutes();
            Path path = socket.path();
            privateDirectory(path);
            DaemonHost.Knowledge knowledge = new DaemonHost.Knowledge();
            PrintWriter log = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
            Server server;
            try {
                server = new Server(path, Duration.ofMinutes(idleMinutes), call -> batch(call, knowledge), log);
            } catch (IOException e) {
                throw new InputException("--socket", path.toString(), "cannot listen there: " + e.getMessage());
            }
            server.serve();
            return 0;
        }
    }

    /**
     * Makes the socket's directory, open to this user only, if it is not there yet; an existing one must be
     * this user's and closed to others (not a link), since the daemon's log and socket go there.
     */
    static void privateDirectory(Path socket) {
        Path dir = socket.toAbsolutePath().getParent();
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Server.privateDirectoryOwner(dir);
        } catch (IOException e) {
            throw new InputException("--socket", socket.toString(), "the daemon cannot use its directory: " + e.getMessage());
        }
    }

    /** One batch for a client: the batch command line, as {@code adcc batch} builds it, on the client's streams. */
    static int batch(Call call, DaemonHost.Knowledge knowledge) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(call.err(), StandardCharsets.UTF_8), true);
        List<String> args = call.args();
        if (args.isEmpty() || !args.get(0).equals("batch")) {
            err.println("adcc: the daemon runs batch only, not " + (args.isEmpty() ? "an empty command line" : "'" + args.get(0) + "'"));
            return Main.BAD_INPUT;
        }
        CommandLine cl = Main.commandLine(BatchCommand.class);
        cl.setOut(new Main.StandardOut(new java.io.BufferedOutputStream(call.out(), 1 << 18)));
        cl.setErr(err);
        ((BatchCommand) cl.getSubcommands().get("batch").getCommand()).host = new DaemonHost(call, knowledge);
        int code = cl.execute(args.toArray(String[]::new));
        cl.getOut().flush();
        err.flush();
        return code;
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start the daemon in the background, with this JVM and its options, and wait until it listens.")
    static final class Start extends Subcommand {

        @Mixin
        IdleOption idle;

        @Override
        public Integer call() throws IOException, InterruptedException {
            int idleMinutes = idle.minutes();
            Path path = socket.path();
            PrintWriter err = spec.commandLine().getErr();
            ByteArrayOutputStream status = new ByteArrayOutputStream();
            if (Client.ask(path, Client.statusRequest(), status, java.io.OutputStream.nullOutputStream()) == 0) {
                err.println("adcc: a daemon is running already: " + status.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));
                err.flush();
                return 0;
            }
            privateDirectory(path);
            Path logFile = Path.of(path + ".log");
            // A new log for each daemon, made by us in our own directory, so it is nobody else's file or link.
            Files.deleteIfExists(logFile);
            Files.createFile(logFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid"); // its own session: closing the terminal does not end it
            }
            cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "daemon", "run",
                    "--socket", path.toString(), "--idle-minutes", Integer.toString(idleMinutes)));
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                if (Client.ask(path, Client.statusRequest(), java.io.OutputStream.nullOutputStream(), java.io.OutputStream.nullOutputStream()) == 0) {
                    err.println("adcc: daemon started (pid " + p.pid() + "); ./adcc batch runs in it until './adcc daemon stop', "
                            + "or " + idleMinutes + " min without a batch; its log: " + logFile);
                    err.flush();
                    return 0;
                }
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            p.destroy();
            List<String> tail = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
            err.println("adcc: the daemon did not start; the end of its log (" + logFile + "):");
            tail.subList(Math.max(0, tail.size() - 10), tail.size()).forEach(l -> err.println("  " + l));
            err.flush();
            return Main.INTERNAL;
        }
    }
}
