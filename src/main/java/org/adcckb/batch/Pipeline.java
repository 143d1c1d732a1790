package org.adcckb.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The streaming evaluation behind {@code adcc batch}: lines read in chunks, chunks evaluated in parallel,
 * results written in input order by one writer through a bounded window, so memory stays flat however
 * long the input. Every line gets exactly one result line ({@link Lines} turns any failure of a line into
 * its error record). The pipeline never hangs: if the writer fails, reading stops at once and the failure
 * is thrown; {@link #stop()} (a signal) ends it after the chunk being written, so the output always ends
 * with a whole line.
 */
public final class Pipeline {

    /** Where result lines go, as UTF-8 bytes; its failures end the run. */
    public interface Sink {
        void write(byte[] utf8, int length) throws IOException;

        void flush() throws IOException;
    }

    /** How a run ended: lines written, of which error records; whether it was stopped before the end. */
    public record Summary(long lines, long errors, boolean stopped, double seconds) {
        /** Lines written per second. */
        public double rate() {
            return lines / Math.max(seconds, 1e-9);
        }
    }

    private static final Future<Chunk.Done> END = CompletableFuture.completedFuture(null);

    private final Lines evaluator;
    private final int threads;
    private final int maxBytes;
    private final String name;
    private final Sink out;
    private final PrintWriter progress;

    private final BlockingQueue<Future<Chunk.Done>> window;
    private volatile boolean stopping;
    private volatile Throwable writeFailure;
    private volatile long written;
    private volatile long errors;
    private final java.util.concurrent.CountDownLatch writerDone = new java.util.concurrent.CountDownLatch(1);

    /**
     * @param name     names the input in error records
     * @param progress where a progress line goes every second (standard error)
     */
    public Pipeline(Lines evaluator, int threads, int maxBytes, String name, Sink out, PrintWriter progress) {
        this.evaluator = evaluator;
        this.threads = threads;
        this.maxBytes = maxBytes;
        this.name = name;
        this.out = out;
        this.progress = progress;
        // Lines travel in chunks, so that queues, futures and wake-ups are paid per chunk, not per line;
        // the window of chunks in flight is bounded, so a million-line input never sits in memory.
        this.window = new ArrayBlockingQueue<>(threads * 4);
    }

    /** Lines written so far. */
    public long written() {
        return written;
    }

    /**
     * Ends the run early: the chunk being written is finished and flushed, nothing more is read or
     * written. Returns once the writer has stopped, or after {@code waitMillis}.
     */
    public void stop(long waitMillis) throws InterruptedException {
        stopping = true;
        writerDone.await(waitMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * As {@link #run}, ended early by SIGINT or SIGTERM. The JVM runs its shutdown hooks on a signal, then
     * ends with 130 or 143: the hook lets the writer finish its chunk, waiting at most {@code waitMillis},
     * so no line is cut, then tells {@code interrupted} how many lines were written. A run that was stopped
     * returns a summary with {@link Summary#stopped()} set while the process is ending.
     */
    public Summary runUntilSignalled(InputStream in, long waitMillis, java.util.function.LongConsumer interrupted)
            throws IOException, InterruptedException {
        Thread hook = new Thread(() -> {
            try {
                stop(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            interrupted.accept(written);
        }, "adcc-batch-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(in);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it reports
            }
        }
    }

    /**
     * Reads {@code in} to its end (or until stopped) and writes every result.
     *
     * @throws IOException the input could not be read ({@link InputFailure}) or the output not written
     */
    public Summary run(InputStream in) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "adcc-batch");
            t.setDaemon(true);
            return t;
        });
        // Output buffers go round: a chunk's results are written into one, the writer empties it and
        // hands it back. At most window + pool threads are ever in use, so memory stays flat and the
        // young generation is not refilled with fresh buffers for every chunk.
        Chunk.Buffers buffers = new Chunk.Buffers(threads * 4 + threads + 1);
        long start = System.nanoTime();
        Thread writer = new Thread(() -> write(buffers, start), "adcc-batch-writer");
        writer.setDaemon(true);
        writer.start();
        try (ByteLines lines = new ByteLines(in, maxBytes)) {
            Chunk chunk = new Chunk();
            byte[] text;
            long number = 0;
            while (!stopping && (text = read(lines)) != null) {
                number++;
                if (lines.tooLong()) {
                    chunk.add(null, number);
                } else if (!Lines.isBlank(text)) {
                    chunk.add(text, number);
                }
                if (chunk.full()) {
                    Chunk full = chunk;
                    enqueue(pool.submit(() -> full.evaluate(evaluator, name, maxBytes, buffers.take())));
                    chunk = new Chunk();
                }
            }
            if (!chunk.isEmpty() && !stopping) {
                Chunk last = chunk;
                enqueue(pool.submit(() -> last.evaluate(evaluator, name, maxBytes, buffers.take())));
            }
            enqueue(END);
            writer.join();
        } finally {
            stopping = true;
            pool.shutdownNow();
        }
        Throwable failed = writeFailure;
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed instanceof Lines.RulesUnavailable rules) {
            throw Lines.rethrow(rules); // loaded on first need (Lines), and could not be: as at the start of a run
        }
        if (failed != null) {
            throw new IllegalStateException("batch output failed", failed);
        }
        return new Summary(written, errors, stopped, (System.nanoTime() - start) / 1e9);
    }

    private volatile boolean stopped;

    /** Puts a chunk's future in the window, waiting for room, but never past a stop or a failed writer. */
    private void enqueue(Future<Chunk.Done> f) throws InterruptedException {
        while (!stopping) {
            if (window.offer(f, 50, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        f.cancel(true);
    }

    private byte[] read(ByteLines lines) throws IOException {
        try {
            return lines.next();
        } catch (IOException e) {
            throw new InputFailure(name, e);
        }
    }

    private void write(Chunk.Buffers buffers, long start) {
        long lastReport = start;
        try {
            while (true) {
                if (stopping) {
                    stopped = true;
                    break;
                }
                Future<Chunk.Done> f = window.poll(50, TimeUnit.MILLISECONDS);
                if (f == null) {
                    continue;
                }
                Chunk.Done done = f.get();
                if (done == null) {
                    break;
                }
                out.write(done.bytes().array(), done.bytes().size());
                buffers.release(done.bytes());
                written += done.lines();
                errors += done.errors();
                long now = System.nanoTime();
                if (now - lastReport >= 1_000_000_000L && now - start >= 1_000_000_000L) {
                    progress.printf("batch: %d scenarios (%.0f/s)%n", written, written / ((now - start) / 1e9));
                    progress.flush();
                    lastReport = now;
                }
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writeFailure = e;
        } catch (ExecutionException e) {
            writeFailure = e.getCause();
        } catch (IOException | RuntimeException | Error e) {
            writeFailure = e;
        } finally {
            if (writeFailure != null) {
                stopping = true;
            }
            writerDone.countDown();
        }
    }

    /** The input could not be read. */
    public static final class InputFailure extends IOException {
        private final String input;

        InputFailure(String input, IOException cause) {
            super(cause.getMessage(), cause);
            this.input = input;
        }

        public String input() {
            return input;
        }
    }
}
