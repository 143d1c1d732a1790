package org.adcckb.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's wire format, over a Unix domain socket. The client opens with a request: a magic number, the
 * protocol version, the identity of its build, what it asks (a command to run, the daemon's status, or its
 * end), its working directory and its arguments. Then both sides send frames, a type byte, a length and
 * that many bytes: the daemon sends standard output, standard error, a call for standard input and, last,
 * the exit code; the client sends standard input, its end, and the signals it receives.
 *
 * <p>Only this package's classes and the JDK's are used here, so that the client starts in a few tens of
 * milliseconds.
 */
final class Frames {

    static final int MAGIC = 0x41444343; // "ADCC"
    static final int VERSION = 1;

    /** What a client asks. */
    static final byte RUN = 'R';
    static final byte STATUS = 'S';
    static final byte STOP = 'Q';

    /** Daemon to client. */
    static final byte OUT = 'o';
    static final byte ERR = 'e';
    static final byte WANT_STDIN = 'i';
    static final byte EXIT = 'x';
    /**
     * The daemon will not run the request (another build, busy with another batch, ending): a message; the
     * client has read and written nothing, and its launcher runs the command itself.
     */
    static final byte REFUSED = 'r';

    /** Client to daemon. */
    static final byte STDIN = 'I';
    static final byte STDIN_END = 'E';
    /** The client could not read its standard input: the reason. */
    static final byte STDIN_FAILED = 'F';
    static final byte SIGNAL = 'K';

    /** The largest frame either side sends: a buffer's worth. */
    static final int MAX_FRAME = 1 << 18;
    /** The largest request: arguments are command lines, not data. */
    static final int MAX_REQUEST_STRING = 1 << 16;
    static final int MAX_ARGS = 4096;

    private Frames() {
    }

    /** What a client asks for. */
    record Request(byte kind, String build, String workingDir, List<String> args) {
    }

    static void writeRequest(DataOutputStream out, Request r) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeByte(r.kind());
        writeString(out, r.build());
        writeString(out, r.workingDir());
        out.writeInt(r.args().size());
        for (String a : r.args()) {
            writeString(out, a);
        }
        out.flush();
    }

    /** @throws IOException also for a request that is not one (wrong magic, version or sizes) */
    static Request readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an adcc client");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("protocol version " + version + ", this daemon speaks " + VERSION);
        }
        byte kind = in.readByte();
        String build = readString(in);
        String cwd = readString(in);
        int n = in.readInt();
        if (n < 0 || n > MAX_ARGS) {
            throw new IOException("bad argument count " + n);
        }
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            args.add(readString(in));
        }
        return new Request(kind, build, cwd, List.copyOf(args));
    }

    static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static int intOf(byte[] b) throws IOException {
        if (b.length != 4) {
            throw new IOException("bad frame: " + b.length + " bytes where a number was expected");
        }
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /** A frame read whole: its type and bytes; null at the end of the stream between frames. */
    record Frame(byte type, byte[] bytes) {
    }

    static Frame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int len = in.readInt();
        if (len < 0 || len > MAX_FRAME) {
            throw new IOException("bad frame length " + len);
        }
        byte[] bytes = new byte[len];
        in.readFully(bytes);
        return new Frame((byte) type, bytes);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_REQUEST_STRING) {
            throw new IOException("an argument of " + b.length + " bytes; at most " + MAX_REQUEST_STRING);
        }
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int len = in.readInt();
        if (len < 0 || len > MAX_REQUEST_STRING) {
            throw new EOFException("bad string length " + len);
        }
        byte[] b = new byte[len];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
