package org.adcckb.batch;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Up to {@link #LINES} input lines with their numbers; a null line is one over the size limit. */
final class Chunk {
    static final int LINES = 32;
    private final byte[][] texts = new byte[LINES][];
    private final long[] numbers = new long[LINES];
    private int size;

    record Done(Buffer bytes, int lines, int errors) {
    }

    /** A reusable output buffer whose bytes are written out as they are, without a copy. */
    static final class Buffer extends java.io.ByteArrayOutputStream {
        Buffer() {
            super(LINES * 1024);
        }

        byte[] array() {
            return buf;
        }
    }

    /**
     * Buffers for chunks in flight. A buffer grows to its chunk's results (about 32 x 11 kB with
     * explanations) and is kept; one that a freak chunk made huge is dropped rather than kept.
     */
    static final class Buffers {
        private static final int KEEP_UP_TO = 4 << 20;
        private final BlockingQueue<Buffer> free;

        Buffers(int capacity) {
            this.free = new ArrayBlockingQueue<>(capacity);
        }

        Buffer take() {
            Buffer b = free.poll();
            return b != null ? b : new Buffer();
        }

        void release(Buffer b) {
            if (b.array().length <= KEEP_UP_TO) {
                b.reset();
                free.offer(b);
            }
        }
    }

    void add(byte[] text, long number) {
        texts[size] = text;
        numbers[size] = number;
        size++;
    }

    boolean full() {
        return size == LINES;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Done evaluate(Lines evaluator, String name, int maxBytes, Buffer bytes) {
        int errors = 0;
        for (int i = 0; i < size; i++) {
            if (texts[i] == null) {
                bytes.writeBytes(Lines.tooLongLine(numbers[i], name, maxBytes));
                errors++;
            } else if (evaluator.evaluate(texts[i], numbers[i], name, bytes)) {
                errors++;
            }
        }
        return new Done(bytes, size, errors);
    }
}
