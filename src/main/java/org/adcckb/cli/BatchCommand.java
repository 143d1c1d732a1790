package org.adcckb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adcckb.json.InputException;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.reasoning.Reasoner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adcc batch}: scenarios as JSON Lines in, results as JSON Lines out, streaming. Lines are
 * evaluated in parallel and written in input order through a bounded window, so memory stays flat
 * however long the input. A bad line gives an error record with its line number and the run goes on.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Evaluate scenarios given as JSON Lines (one scenario object per line) from FILE or standard input, "
                + "and write one result per line to standard output, in input order: the object of explain --format jsonl, "
                + "or {\"line\": N, \"error\": \"...\"} for a line that cannot be evaluated.",
                "Progress and a summary go to standard error. Exit code 2 when any line failed."})
final class BatchCommand extends KnowledgeCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "JSON Lines input (default or '-': standard input).")
    String input;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--no-explain", description = "Leave the explanation out of each result (faster; same outcome and cells).")
    boolean noExplain;

    @Override
    public Integer call() throws Exception {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new InputException("--threads", "", "must be a positive number, got " + n);
        }
        InputStream in;
        String name;
        if (input == null || "-".equals(input)) {
            in = System.in;
            name = "stdin";
        } else {
            Path p = Path.of(input);
            if (!Files.isRegularFile(p)) {
                throw new InputException(input, "", "no such file");
            }
            in = Files.newInputStream(p);
            name = input;
        }
        KnowledgeBase kb = knowledge.load();
        Reasoner reasoner = knowledge.reasoner(kb);
        org.adcckb.batch.Lines evaluator = new org.adcckb.batch.Lines(kb, reasoner, knowledge.limits(), !noExplain);
        Output out = Output.of(spec.commandLine().getOut());
        PrintWriter err = spec.commandLine().getErr();

        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "adcc-batch");
            t.setDaemon(true);
            return t;
        });
        // Lines travel in chunks, so that queues, futures and wake-ups are paid per chunk, not per line;
        // the window of chunks in flight is bounded, so a million-line input never sits in memory.
        BlockingQueue<Future<Chunk.Done>> window = new ArrayBlockingQueue<>(n * 4);
        // Output buffers go round: a chunk's results are written into one, the writer empties it and
        // hands it back. At most window + pool threads are ever in use, so memory stays flat and the
        // young generation is not refilled with fresh buffers for every chunk.
        Chunk.Buffers buffers = new Chunk.Buffers(n * 4 + n + 1);
        long[] counts = new long[2]; // lines, errors
        long start = System.nanoTime();
        long[] lastReport = {start};
        Future<Chunk.Done> end = java.util.concurrent.CompletableFuture.completedFuture(null);
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Future<Chunk.Done> f = window.take();
                    Chunk.Done done = f.get();
                    if (done == null) {
                        break;
                    }
                    out.write(done.bytes().array(), done.bytes().size());
                    buffers.release(done.bytes());
                    counts[0] += done.lines();
                    counts[1] += done.errors();
                    long now = System.nanoTime();
                    if (now - lastReport[0] >= 1_000_000_000L && now - start >= 1_000_000_000L) {
                        err.printf("batch: %d scenarios (%.0f/s)%n", counts[0], counts[0] / ((now - start) / 1e9));
                        err.flush();
                        lastReport[0] = now;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "adcc-batch-writer");
        Throwable[] writerFailure = new Throwable[1];
        writer.setUncaughtExceptionHandler((t, e) -> writerFailure[0] = e);
        writer.start();
        int maxBytes = knowledge.limits().maxBytes();
        try (ByteLines lines = new ByteLines(in, maxBytes)) {
            Chunk chunk = new Chunk();
            byte[] text;
            long number = 0;
            while ((text = lines.next()) != null) {
                number++;
                if (lines.tooLong()) {
                    chunk.add(null, number);
                } else if (!isBlank(text)) {
                    chunk.add(text, number);
                }
                if (chunk.full()) {
                    window.put(submit(pool, chunk, evaluator, name, maxBytes, buffers));
                    chunk = new Chunk();
                }
            }
            if (!chunk.isEmpty()) {
                window.put(submit(pool, chunk, evaluator, name, maxBytes, buffers));
            }
        } catch (IOException e) {
            throw new InputException(name, "", "cannot be read: " + e.getMessage());
        } finally {
            window.put(end);
            writer.join();
            pool.shutdownNow();
            out.flush();
        }
        if (writerFailure[0] != null) {
            throw new IllegalStateException("batch output failed", writerFailure[0]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf("batch: %d scenarios, %d failed, in %.1f s (%.0f/s)%n", counts[0], counts[1], seconds,
                counts[0] / Math.max(seconds, 1e-9));
        err.flush();
        return counts[1] == 0 ? 0 : Main.BAD_INPUT;
    }

    private static Future<Chunk.Done> submit(ExecutorService pool, Chunk chunk, org.adcckb.batch.Lines evaluator,
                                             String name, int maxBytes, Chunk.Buffers buffers) {
        return pool.submit(() -> chunk.evaluate(evaluator, name, maxBytes, buffers.take()));
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Up to {@link #LINES} input lines with their numbers; a null line is one over the size limit. */
    static final class Chunk {
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

        Done evaluate(org.adcckb.batch.Lines evaluator, String name, int maxBytes, Buffer bytes) {
            int errors = 0;
            for (int i = 0; i < size; i++) {
                if (texts[i] == null) {
                    bytes.writeBytes(org.adcckb.batch.Lines.errorLine(numbers[i], name + ":" + numbers[i]
                            + ": the line is longer than the limit of " + maxBytes + " bytes (--max-bytes)"));
                    errors++;
                } else if (evaluator.evaluate(texts[i], numbers[i], name, bytes)) {
                    errors++;
                }
            }
            return new Done(bytes, size, errors);
        }
    }

    /**
     * Where results go: the process's standard output as bytes (results are UTF-8 already), or, when a
     * caller gave the command line a writer of its own (the tests), that writer.
     */
    interface Output {
        void write(byte[] utf8, int length) throws IOException;

        void flush();

        static Output of(PrintWriter writer) {
            if (writer instanceof Main.StandardOut std) {
                std.flush();
                java.io.OutputStream raw = new java.io.BufferedOutputStream(std.stream(), 1 << 16);
                return new Output() {
                    @Override
                    public void write(byte[] utf8, int length) throws IOException {
                        raw.write(utf8, 0, length);
                    }

                    @Override
                    public void flush() {
                        try {
                            raw.flush();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                };
            }
            return new Output() {
                @Override
                public void write(byte[] utf8, int length) {
                    writer.write(new String(utf8, 0, length, StandardCharsets.UTF_8));
                }

                @Override
                public void flush() {
                    writer.flush();
                }
            };
        }
    }

    /**
     * Lines of bytes of at most {@code max} bytes: a longer line is not kept in memory but skipped to its
     * end and reported, so one hostile line cannot exhaust the heap. Scenarios are parsed from the
     * bytes, so input is never decoded into strings on the way.
     */
    static final class ByteLines implements AutoCloseable {
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
            this.max = max;
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
}
