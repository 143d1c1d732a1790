package org.adcckb.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Streams over a connected Unix domain socket that can be read and written at the same time from two
 * threads. The JDK's {@code Channels.newInputStream} holds the channel's blocking lock while a read waits,
 * which would keep the other side's frames (a signal, standard input) from being written meanwhile.
 */
final class Channel implements AutoCloseable {

    private final SocketChannel ch;
    final InputStream in;
    final OutputStream out;

    Channel(SocketChannel ch) {
        this.ch = ch;
        this.in = new InputStream() {
            private final byte[] one = new byte[1];

            @Override
            public int read() throws IOException {
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int n;
                do {
                    n = ch.read(ByteBuffer.wrap(b, off, len));
                } while (n == 0);
                return n;
            }
        };
        this.out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        };
    }

    /** Connects to the daemon listening on {@code socket}. */
    static Channel connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return new Channel(ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Writes all of the buffers, with as few system calls as the socket allows: a frame's head and body go together. */
    void write(ByteBuffer... buffers) throws IOException {
        long left = 0;
        for (ByteBuffer b : buffers) {
            left += b.remaining();
        }
        while (left > 0) {
            left -= ch.write(buffers);
        }
    }

    /** One frame, its head and body in one gathering write; the caller holds whatever lock orders frames from several threads. */
    void writeFrame(byte type, byte[] bytes, int off, int len) throws IOException {
        write(ByteBuffer.allocate(5).put(type).putInt(len).flip(), ByteBuffer.wrap(bytes, off, len));
    }

    /** Fills {@code buffer} to its limit; false at the end of the stream before any byte. */
    boolean readFully(ByteBuffer buffer) throws IOException {
        boolean any = false;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer);
            if (n < 0) {
                if (!any) {
                    return false;
                }
                throw new java.io.EOFException("the connection ended inside a frame");
            }
            any |= n > 0;
        }
        return true;
    }

    SocketChannel socket() {
        return ch;
    }

    /** No more writes: the other side reads the end of the stream. */
    void shutdownOutput() {
        try {
            ch.shutdownOutput();
        } catch (IOException e) {
            // the peer is gone already
        }
    }

    @Override
    public void close() {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
