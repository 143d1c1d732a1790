package org.adcckb.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The batch daemon: a JVM that keeps the knowledge base loaded and its code compiled, and runs the commands
 * its clients ({@link Client}) send, one at a time, with their arguments, working directory and standard
 * streams. It listens on a Unix domain socket in a directory only its user may enter, and answers only
 * processes of that user (the peer's credentials are checked too). It ends on {@code --stop}, after
 * {@code idle} without a client, or when a client of another build calls (that client runs its command
 * itself).
 */
public final class Server implements AutoCloseable {

    /** Runs one command; returns its exit code. */
    public interface Handler {
        int run(Call call) throws Exception;
    }

    private final Path socket;
    private final Duration idle;
    private final Handler handler;
    private final PrintWriter log;
    private final String build = Build.id();
    private final ReentrantLock running = new ReentrantLock(true);
    private final AtomicInteger clients = new AtomicInteger();
    private final long started = System.nanoTime();
    private final UserPrincipal owner;
    private volatile long lastActive = System.nanoTime();
    private volatile int served;
    private volatile boolean closing;
    private ServerSocketChannel listener;

    /**
     * @param socket where to listen; its directory must exist and be open to its owner only
     * @param log    one line per command served, and the daemon's start and end
     * @throws IOException the directory is not private, another daemon listens there, or the bind failed
     */
    public Server(Path socket, Duration idle, Handler handler, PrintWriter log) throws IOException {
        this.socket = socket;
        this.idle = idle;
        this.handler = handler;
        this.log = log;
        Path dir = socket.toAbsolutePath().getParent();
        this.owner = privateDirectoryOwner(dir);
        // Two daemons starting at once must not both find the socket dead and take it from each other.
        try (java.nio.channels.FileChannel lockFile = java.nio.channels.FileChannel.open(dir.resolve("start.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             java.nio.channels.FileLock lock = lockFile.lock()) {
            bind(socket);
        }
    }

    private void bind(Path socket) throws IOException {
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            boolean alive;
            try (Channel other = Channel.connect(socket)) {
                alive = true;
            } catch (IOException notListening) {
                alive = false;
            }
            if (alive) {
                throw new IOException("a daemon is already listening on " + socket);
            }
            Files.delete(socket); // left by a daemon that did not end cleanly
        }
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listener.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    }

    /**
     * The owner of {@code dir}, which must be a directory (not a link) of this user that only this user may
     * read or enter: nobody else can then put a socket, a link or a log there.
     *
     * @throws IOException saying what is wrong with it
     */
    public static UserPrincipal privateDirectoryOwner(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory");
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (!perms.equals(PosixFilePermissions.fromString("rwx------"))) {
            throw new IOException(dir + " is open to others (" + PosixFilePermissions.toString(perms)
                    + "); the daemon's directory must be rwx------");
        }
        UserPrincipal dirOwner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        if (!dirOwner.equals(me)) {
            throw new IOException(dir + " belongs to " + dirOwner.getName() + ", not to " + me.getName());
        }
        return dirOwner;
    }

    /** Serves until stopped, idle for too long, or called by another build; then removes the socket. */
    public void serve() throws IOException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "adcc-daemon-idle");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, Math.min(idle.toMillis() / 4, 60_000));
        timer.scheduleWithFixedDelay(() -> {
            if (clients.get() == 0 && System.nanoTime() - lastActive > idle.toNanos()) {
                log("idle for " + idle.toMinutes() + " min: ending");
                close();
            }
        }, every, every, TimeUnit.MILLISECONDS);
        log("listening on " + socket + " (pid " + ProcessHandle.current().pid() + ")");
        try {
            while (!closing) {
                SocketChannel ch;
                try {
                    ch = listener.accept();
                } catch (ClosedChannelException e) {
                    break;
                }
                clients.incrementAndGet();
                lastActive = System.nanoTime();
                try {
                    // Results stream out faster than the client wakes up for them: a deep buffer lets the batch go on.
                    ch.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 4 << 20);
                } catch (IOException | UnsupportedOperationException e) {
                    // the system's default
                }
                Thread t = new Thread(() -> serveClient(new Channel(ch)), "adcc-daemon-client");
                t.setDaemon(true);
                t.start();
            }
        } finally {
            timer.shutdownNow();
            close();
            running.lock(); // a command still running ends first
            running.unlock();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (clients.get() > 0 && System.nanoTime() < deadline) { // and the last answers go out
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            log("ended");
        }
    }

    private void serveClient(Channel channel) {
        try (Connection c = new Connection(channel)) {
            UserPrincipal peer = channel.socket().getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user();
            if (!peer.equals(owner)) {
                log("refused a client of user " + peer.getName());
                return;
            }
            Frames.Request r;
            try {
                r = Frames.readRequest(c.in);
            } catch (IOException e) {
                log("refused a request: " + e.getMessage());
                return;
            }
            if (!r.build().equals(build)) {
                close();
                c.refuse("the daemon ran another build of adcc-kb and has stopped; running without it");
                log("a client of another build (" + r.build() + ") called: ending");
                return;
            }
            switch (r.kind()) {
                case Frames.STATUS -> status(c);
                case Frames.STOP -> {
                    // No client gets in after the answer; the process waits for this answer to go out before it ends.
                    close();
                    byte[] b = ("adcc: daemon (pid " + ProcessHandle.current().pid() + ") stopping"
                            + (running.isLocked() ? " after the batch it is running" : "") + "\n").getBytes(StandardCharsets.UTF_8);
                    c.send(Frames.ERR, b, b.length);
                    c.sendExit(0);
                    log("stopped by a client");
                }
                case Frames.RUN -> run(c, r);
                default -> c.refuse("unknown request");
            }
        } catch (IOException e) {
            // the client went away; its command, if any, was stopped
        } finally {
            lastActive = System.nanoTime();
            clients.decrementAndGet();
        }
    }

    /**
     * Runs one command, if the daemon is free: a batch that would have to wait behind another (or a daemon
     * that is ending) is refused, and its launcher runs it in a JVM of its own, at once.
     */
    private void run(Connection c, Frames.Request r) throws IOException {
        if (!running.tryLock()) {
            c.refuse("the daemon is running another batch; this one runs in a JVM of its own");
            return;
        }
        int code;
        long t0 = System.nanoTime();
        Call call = new Call(r.args(), r.workingDir(), c);
        try {
            if (closing) {
                c.refuse("the daemon is ending; the batch runs in a JVM of its own");
                return;
            }
            Thread reader = new Thread(() -> c.readFor(call), "adcc-daemon-input");
            reader.setDaemon(true);
            reader.start();
            code = runHandler(c, call);
        } finally {
            call.finish();
            running.unlock();
        }
        served++;
        if (call.signal() != 0) {
            code = 128 + call.signal(); // as the process would have ended on the signal
        }
        log(String.format("%s: exit %d in %.2f s%s", String.join(" ", r.args()), code, (System.nanoTime() - t0) / 1e9,
                call.clientGone() ? " (the client went away)" : ""));
        c.sendExit(code);
    }

    /**
     * The handler's exit code. An exception it lets out is an internal error of that command; an error of
     * the JVM (out of memory) may have left the daemon in any state, so after telling the client it ends.
     */
    private int runHandler(Connection c, Call call) throws IOException {
        try {
            return handler.run(call);
        } catch (Exception | StackOverflowError e) {
            byte[] b = ("adcc: internal error in the daemon: " + e + "\n").getBytes(StandardCharsets.UTF_8);
            c.send(Frames.ERR, b, b.length);
            return 1;
        } catch (Error e) {
            close();
            log("ending after " + e);
            byte[] b = ("adcc: the daemon failed (" + e + ") and has ended; run the batch again\n").getBytes(StandardCharsets.UTF_8);
            c.send(Frames.ERR, b, b.length);
            return 1;
        }
    }

    private void status(Connection c) throws IOException {
        long up = (System.nanoTime() - started) / 1_000_000_000L;
        String s = String.format("adcc daemon: pid %d, up %d min %d s, %d commands served, %s; ends after %d min without a client%n"
                        + "socket: %s%nbuild: %s%n", ProcessHandle.current().pid(), up / 60, up % 60, served,
                running.isLocked() ? "running a batch" : "idle", idle.toMinutes(), socket, build);
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        c.send(Frames.OUT, b, b.length);
        c.sendExit(0);
    }

    private void log(String line) {
        synchronized (log) {
            log.println(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + line);
            log.flush();
        }
    }

    /** Stops listening and removes the socket; a command running goes on to its end. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closed already
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // gone already, or a directory we may no longer write: the next daemon replaces a dead socket
        }
    }
}
