package org.adcckb.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The two places batch results go: a byte stream, or a writer that only flags its errors. */
public final class Sinks {

    private Sinks() {
    }

    /** Results as bytes, buffered: they are UTF-8 already, so nothing is decoded and encoded again. */
    public static Pipeline.Sink bytes(OutputStream stream) {
        OutputStream raw = new BufferedOutputStream(stream, 1 << 16);
        return new Pipeline.Sink() {
            @Override
            public void write(byte[] utf8, int length) throws IOException {
                raw.write(utf8, 0, length);
            }

            @Override
            public void flush() throws IOException {
                raw.flush();
            }
        };
    }

    /**
     * Results as text to a writer. A writer swallows its errors and only flags them, so the flag is
     * checked after every write: a lost line must end the run, as a failed stream write does.
     */
    public static Pipeline.Sink text(PrintWriter writer) {
        return new Pipeline.Sink() {
            @Override
            public void write(byte[] utf8, int length) throws IOException {
                writer.write(new String(utf8, 0, length, StandardCharsets.UTF_8));
                check();
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
                check();
            }

            private void check() throws IOException {
                if (writer.checkError()) {
                    throw new IOException("the output cannot be written");
                }
            }
        };
    }
}
