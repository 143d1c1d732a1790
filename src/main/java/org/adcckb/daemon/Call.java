package org.adcckb.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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
    private volatile Runnable stopAction;
    private volatile int signal;
    private volatile boolean gone;
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
                        if (gone) {
                            throw new IOException("the client went away");
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
     * What ends the command early when the client is signalled or goes away; run at most once. The command
     * sets it once it has something to stop.
     */
    public void onStop(Runnable action) {
        stopAction = action;
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

    void stdinChunk(byte[] bytes) throws InterruptedException {
        stdinChunks.put(bytes);
    }

    void stdinEnd() throws InterruptedException {
        stdinChunks.put(END);
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
            // Called by the thread that fills the queue, so nothing refills it: what the client sent is dropped
            // and a reader waiting for more wakes up to the end.
            stdinChunks.clear();
            stdinChunks.offer(END);
            fireStop();
        }
    }

    private void fireStop() {
        Runnable a;
        synchronized (this) {
            a = stopAction;
            stopAction = null;
        }
        if (a != null) {
            Thread t = new Thread(a, "adcc-daemon-stop");
            t.setDaemon(true);
            t.start();
        }
    }
}
