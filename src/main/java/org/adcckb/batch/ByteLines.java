package org.adcckb.batch;

import java.io.IOException;
import java.io.InputStream;

/**
 * Lines of bytes of at most {@code max} bytes: a longer line is not kept in memory but skipped to its
 * end and reported, so one hostile line cannot exhaust the heap. Scenarios are parsed from the
 * bytes, so input is never decoded into strings on the way.
 */
final class ByteLines implements AutoCloseable {
    private final InputStream in;
    private final int max;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private boolean tooLong;

    ByteLines(InputStream in, int max) {
        this.in = in;
        // One byte more than the limit is kept, for the CR of a CRLF line end: it is not part of the line.
        this.max = max + 1;
    }

    /** The next line (without its end), or null at the end of the input. */
    byte[] next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            append(start, pos - start);
            if (pos < limit) {
                pos++; // the newline
                break;
            }
        }
        int end = length;
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        if (end > max - 1) {
            tooLong = true; // a line exactly one byte over the limit, not ended by a CR
        }
        return java.util.Arrays.copyOf(line, end);
    }

    private void append(int from, int n) {
        int room = max - length;
        if (n > room) {
            tooLong = true;
            n = Math.max(room, 0);
        }
        if (length + n > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(length + n, Math.min(max, line.length * 2)));
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    boolean tooLong() {
        return tooLong;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
