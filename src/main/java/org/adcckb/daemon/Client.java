package org.adcckb.daemon;

import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The thin client of the batch daemon ({@link Server}): it hands its command line, working directory and,
 * when asked, its standard input to the daemon, and writes what comes back to its own standard output and
 * error. It exits with the command's exit code; a signal (SIGINT, SIGTERM) is passed on, so the daemon ends
 * the batch as a process of its own would, after a whole line.
 *
 * <p>{@code Client SOCKET ARGS...} runs a command; {@code Client SOCKET --status} and {@code --stop} ask the
 * daemon for its state and its end. Exit code {@value #NO_DAEMON} (EX_TEMPFAIL) says that no daemon ran the
 * command and nothing was read or written: the launcher then runs it itself.
 */
public final class Client {

    /** Nothing was done: no daemon listens, or it refused the request. */
    public static final int NO_DAEMON = 75;
    /** A process ended by SIGPIPE: standard output was closed under the client. */
    static final int BROKEN_PIPE = 128 + 13;
    /** How long the daemon may take to end a batch after a signal (the batch itself waits 5 s for its writer). */
    private static final long SIGNAL_GRACE_MILLIS = 8_000;

    private final Channel channel;
    private final OutputStream toDaemon;
    private final Object writeLock = new Object();
    private volatile boolean stdinStarted;
    /** Set once the exit code is in: a signal's grace period then ends nothing. */
    private volatile boolean done;
    /** Whether a signal that cannot be passed on ends this process (not in a test that sends it by hand). */
    private boolean halts;

    private Client(Channel channel) {
        this.channel = channel;
        this.toDaemon = channel.out;
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Client SOCKET (--status | --stop | COMMAND [ARGS...])");
            System.exit(2);
        }
        Path socket = Path.of(args[0]);
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        byte kind = rest.equals(List.of("--status")) ? Frames.STATUS : rest.equals(List.of("--stop")) ? Frames.STOP : Frames.RUN;
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        Signals signals = Signals.install();
        int code = run(socket, kind, kind == Frames.RUN ? rest : List.of(), System.getProperty("user.dir"),
                new FileInputStream(FileDescriptor.in), out, err, signals);
        System.exit(code);
    }

    /**
     * Whether an argument names a pipe or a device of this process ({@code <(...)}, {@code /dev/stdin}): the
     * daemon would open its own, so the command runs in a JVM of its own.
     */
    static boolean namesAStream(List<String> args, String workingDir) {
        for (String a : args) {
            if (a.isEmpty() || a.startsWith("-")) {
                continue;
            }
            try {
                Path p = Path.of(workingDir).resolve(a);
                if (java.nio.file.Files.exists(p) && !java.nio.file.Files.isRegularFile(p) && !java.nio.file.Files.isDirectory(p)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not a path at all: an option's value
            }
        }
        return false;
    }

    /**
     * Sends one request and relays its frames until the exit code.
     *
     * @param signals where the signals this process receives come from (none in tests that send them by hand)
     * @return the command's exit code, or {@link #NO_DAEMON}
     */
    public static int run(Path socket, byte kind, List<String> args, String workingDir, InputStream stdin,
                          OutputStream out, OutputStream err, Signals signals) {
        if (kind == Frames.RUN && namesAStream(args, workingDir)) {
            return NO_DAEMON;
        }
        Channel channel;
        try {
            channel = Channel.connect(socket);
        } catch (IOException | RuntimeException e) {
            return NO_DAEMON; // no daemon, or a socket file it left behind: the launcher runs the command itself
        }
        try (channel) {
            if (!ofThisUser(channel)) {
                write(err, "adcc: " + socket + " is served by another user; the batch runs without it\n");
                return NO_DAEMON;
            }
            Client client = new Client(channel);
            if (signals != null) {
                client.halts = signals.ofThisProcess();
                signals.onSignal(client::signal);
            }
            try {
                Frames.writeRequest(new DataOutputStream(client.toDaemon),
                        new Frames.Request(kind, Build.id(), workingDir, args));
            } catch (IOException e) {
                return NO_DAEMON;
            }
            try {
                return client.relay(stdin, out, err);
            } finally {
                client.done = true;
            }
        }
    }

    /** Sends a request of {@code kind}, without arguments or input; for {@code adcc daemon status} and {@code stop}. */
    public static int ask(Path socket, byte kind, OutputStream out, OutputStream err) {
        return run(socket, kind, List.of(), System.getProperty("user.dir"), InputStream.nullInputStream(), out, err, null);
    }

    public static byte runRequest() {
        return Frames.RUN;
    }

    public static byte statusRequest() {
        return Frames.STATUS;
    }

    public static byte stopRequest() {
        return Frames.STOP;
    }

    /**
     * Relays frames until the exit code. Output frames go from the socket to standard output through one
     * direct buffer: a batch with explanations writes hundreds of megabytes, and they are copied once in and
     * once out, with nothing allocated per frame.
     */
    /** Whether the process at the other end runs as this process's user: nothing else may see a batch's input. */
    private static boolean ofThisUser(Channel channel) {
        try {
            java.nio.file.attribute.UserPrincipal peer = channel.socket().getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user();
            return peer.equals(java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void write(OutputStream err, String message) {
        try {
            err.write(message.getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException ignored) {
            // standard error is gone: the exit code tells
        }
    }

    private int relay(InputStream stdin, OutputStream out, OutputStream err) {
        WritableByteChannel stdout = out instanceof FileOutputStream f ? f.getChannel() : Channels.newChannel(out);
        ByteBuffer head = ByteBuffer.allocate(5);
        ByteBuffer body = ByteBuffer.allocateDirect(Frames.MAX_FRAME);
        boolean any = false;
        try {
            while (true) {
                head.clear();
                if (!channel.readFully(head)) {
                    if (!any && !stdinStarted) {
                        return NO_DAEMON; // the daemon ended before it took the request: nothing was done
                    }
                    throw new IOException("the connection ended before the exit code");
                }
                byte type = head.get(0);
                int len = head.getInt(1);
                if (len < 0 || len > Frames.MAX_FRAME) {
                    throw new IOException("bad frame length " + len);
                }
                body.clear().limit(len);
                if (len > 0 && !channel.readFully(body)) {
                    throw new IOException("the connection ended inside a frame");
                }
                body.flip();
                switch (type) {
                    case Frames.OUT -> {
                        any = true;
                        try {
                            while (body.hasRemaining()) {
                                stdout.write(body);
                            }
                        } catch (IOException e) {
                            // Standard output is closed (a pipe into head): end as a process killed by SIGPIPE would,
                            // quietly; any other failure (a full disk) is told, as a batch of its own tells it.
                            channel.close();
                            if ("Broken pipe".equals(e.getMessage())) {
                                return BROKEN_PIPE;
                            }
                            write(err, "adcc: cannot write the answer to standard output: " + e.getMessage() + "\n");
                            return 1;
                        }
                    }
                    case Frames.ERR -> {
                        any = true;
                        err.write(bytes(body));
                        err.flush();
                    }
                    case Frames.WANT_STDIN -> startStdin(stdin);
                    case Frames.REFUSED -> {
                        err.write(("adcc: " + new String(bytes(body), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
                        err.flush();
                        return any ? 1 : NO_DAEMON;
                    }
                    case Frames.EXIT -> {
                        out.flush();
                        return Frames.intOf(bytes(body));
                    }
                    default -> throw new IOException("unknown frame type " + type);
                }
            }
        } catch (IOException e) {
            try {
                err.write(("adcc: the daemon ended before the command did (" + e.getMessage() + ")\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException ignored) {
                // standard error is gone too
            }
            return 1;
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    /** Standard input goes to the daemon in frames, on a thread of its own, once the command reads it. */
    private void startStdin(InputStream stdin) {
        if (stdinStarted) {
            return;
        }
        stdinStarted = true;
        Thread t = new Thread(() -> {
            byte[] buf = new byte[Frames.MAX_FRAME];
            try {
                for (int n; (n = stdin.read(buf)) >= 0; ) {
                    if (n > 0) {
                        send(Frames.STDIN, buf, n);
                    }
                }
                send(Frames.STDIN_END, buf, 0);
            } catch (IOException e) {
                // Our input broke (a directory, a closed descriptor): the batch's read fails with the reason, as
                // it would in a process of its own. If the daemon is gone instead, this frame is lost too.
                byte[] why = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
                try {
                    send(Frames.STDIN_FAILED, why, Math.min(why.length, 4096));
                } catch (IOException gone) {
                    // the relay tells
                }
            }
        }, "adcc-client-stdin");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Passes a signal on. The daemon has a grace period to end the batch; after it, or at once if the signal
     * cannot be sent, the client ends as the signal would end it. The timer starts first: sending may wait
     * behind standard input that the daemon is not reading.
     */
    private void signal(int number) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(SIGNAL_GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!done && halts) {
                Runtime.getRuntime().halt(128 + number);
            }
        }, "adcc-client-grace");
        t.setDaemon(true);
        t.start();
        try {
            send(Frames.SIGNAL, Frames.intBytes(number), 4);
        } catch (IOException e) {
            if (!done && halts) {
                Runtime.getRuntime().halt(128 + number);
            }
        }
    }

    private void send(byte type, byte[] bytes, int len) throws IOException {
        synchronized (writeLock) {
            channel.writeFrame(type, bytes, 0, len);
        }
    }
}
