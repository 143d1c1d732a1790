package org.adcckb.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One command a client asked the daemon to run: its arguments and working directory, and the client's
 * standard streams. Output written here reaches the client as frames; standard input is asked for on first
 * use; a signal the client received, or the client going away, calls the stop action the command set.
 */
public final class Call {

    private static final byte[] END = new byte[0];

    private final List<String> args;
    private final String workingDir;
    private final Connection connection;
    private final BlockingQueue<byte[]> stdinChunks = new ArrayBlockingQueue<>(16);
    private final OutputStream out;
    private final OutputStream err;
    private Runnable stopAction;
    private volatile int signal;
    private volatile boolean gone;
    private volatile boolean stopped;
    private volatile boolean finished;
    private volatile String stdinFailure;
    private boolean stdinAsked;

    Call(List<String> args, String workingDir, Connection connection) {
        this.args = args;
        this.workingDir = workingDir;
        this.connection = connection;
        this.out = connection.frames(Frames.OUT);
        this.err = connection.frames(Frames.ERR);
    }

    public List<String> args() {
        return args;
    }

    /** The client's working directory, against which relative paths in the arguments are read. */
    public String workingDir() {
        return workingDir;
    }

    /** The client's standard output; unbuffered: each write is a frame. */
    public OutputStream out() {
        return out;
    }

    /** The client's standard error; unbuffered: each write is a frame. */
    public OutputStream err() {
        return err;
    }

    /** The client's standard input, which it starts sending now. */
    public synchronized InputStream stdin() {
        if (!stdinAsked) {
            stdinAsked = true;
            try {
                connection.send(Frames.WANT_STDIN, END, 0);
            } catch (IOException e) {
                gone();
            }
        }
        return new InputStream() {
            private byte[] chunk = END;
            private int at;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (at == chunk.length) {
                    if (ended) {
                        return -1;
                    }
                    try {
                        chunk = stdinChunks.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading standard input");
                    }
                    at = 0;
                    if (chunk == END) {
                        ended = true;
                        if (stdinFailure != null) {
                            throw new IOException(stdinFailure);
                        }
                    }
                }
                int n = Math.min(len, chunk.length - at);
                System.arraycopy(chunk, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    /**
     * What ends the command early when the client is signalled or goes away: run at most once, at once, on
     * the thread that reads the client, so it must only ask for the end (set a flag), not wait for it. The
     * command's reading of standard input then ends too. The command sets it once it has something to stop.
     */
    public void onStop(Runnable action) {
        synchronized (this) {
            stopAction = action;
        }
        if (signal != 0 || gone) {
            fireStop();
        }
    }

    /** The signal the client passed on (2, 15), or 0. */
    public int signal() {
        return signal;
    }

    /** Whether the client went away before the command ended. */
    public boolean clientGone() {
        return gone;
    }

    /**
     * Standard input, in order. Never blocks for good: once the command has ended or stopped reading, what
     * the client still sends is dropped, so the thread that reads the client goes on to its signals and end.
     */
    void stdinChunk(byte[] bytes) throws InterruptedException {
        while (!finished && !stopped && !stdinChunks.offer(bytes, 100, TimeUnit.MILLISECONDS)) {
            // the command is busy elsewhere (writing); wait for room
        }
    }

    void stdinEnd() throws InterruptedException {
        stdinChunk(END);
    }

    /** The client could not read its standard input: the command's next read fails with the reason. */
    void stdinFailed(String message) throws InterruptedException {
        stdinFailure = message;
        stdinChunk(END);
    }

    void signalled(int number) {
        if (signal == 0) {
            signal = number;
            fireStop();
        }
    }

    void gone() {
        if (!gone) {
            gone = true;
            fireStop();
        }
    }

    /** The command has ended: nothing more is kept for it. */
    void finish() {
        finished = true;
        synchronized (this) {
            stopAction = null;
        }
        stdinChunks.clear();
    }

    private void fireStop() {
        Runnable a;
        synchronized (this) {
            a = stopAction;
            stopAction = null;
        }
        if (a != null) {
            a.run();
        }
        // Input stops too: what was sent and not read is dropped, and a read waiting for more gets the end.
        stopped = true;
        stdinChunks.clear();
        stdinChunks.offer(END);
    }
}
