package org.adcckb.daemon;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The daemon's side of one client: frames out under one lock, and the client's frames read on a thread. */
final class Connection implements AutoCloseable {

    private final Channel channel;
    final DataInputStream in;
    private final Object writeLock = new Object();

    Connection(Channel channel) {
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(channel.in, Frames.MAX_FRAME + 5));
    }

    void send(byte type, byte[] bytes, int len) throws IOException {
        synchronized (writeLock) {
            channel.writeFrame(type, bytes, 0, len);
        }
    }

    void sendExit(int code) throws IOException {
        send(Frames.EXIT, Frames.intBytes(code), 4);
        channel.shutdownOutput();
    }

    void refuse(String message) throws IOException {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        send(Frames.REFUSED, b, b.length);
        channel.shutdownOutput();
    }

    /** A stream whose writes go out as frames of {@code type}, cut to the frame limit. */
    OutputStream frames(byte type) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int n = Math.min(len, Frames.MAX_FRAME);
                    synchronized (writeLock) {
                        channel.writeFrame(type, b, off, n);
                    }
                    off += n;
                    len -= n;
                }
            }
        };
    }

    /**
     * Reads the client's frames for {@code call} until the client closes its side: standard input, its end,
     * signals. A client that goes away stops the call.
     */
    void readFor(Call call) {
        try {
            for (Frames.Frame f; (f = Frames.read(in)) != null; ) {
                switch (f.type()) {
                    case Frames.STDIN -> call.stdinChunk(f.bytes());
                    case Frames.STDIN_END -> call.stdinEnd();
                    case Frames.STDIN_FAILED -> call.stdinFailed(new String(f.bytes(), StandardCharsets.UTF_8));
                    case Frames.SIGNAL -> call.signalled(Frames.intOf(f.bytes()));
                    default -> throw new IOException("unknown frame type " + f.type());
                }
            }
        } catch (IOException e) {
            // a broken connection is the client going away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        call.gone();
    }

    @Override
    public void close() {
        channel.close();
    }
}
