package org.adcckb.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
        // Buffered: the command line's writer flushes on every line, a system call per scenario.
        PrintWriter out = new PrintWriter(new java.io.BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
        PrintWriter err = spec.commandLine().getErr();

        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "adcc-batch");
            t.setDaemon(true);
            return t;
        });
        // The window of lines in flight: bounded, so a million-line input never sits in memory.
        BlockingQueue<Future<String>> window = new ArrayBlockingQueue<>(n * 64);
        long[] counts = new long[2]; // lines, errors
        long start = System.nanoTime();
        long[] lastReport = {start};
        Thread writer = new Thread(() -> {
            try {
                while (true) {
                    Future<String> f = window.take();
                    String line = f.get();
                    if (line == null) {
                        break;
                    }
                    out.println(line);
                    counts[0]++;
                    if (line.startsWith("{\"line\":")) {
                        counts[1]++;
                    }
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
            }
        }, "adcc-batch-writer");
        Throwable[] writerFailure = new Throwable[1];
        writer.setUncaughtExceptionHandler((t, e) -> writerFailure[0] = e);
        writer.start();
        int maxChars = knowledge.limits().maxBytes();
        try (BoundedLines lines = new BoundedLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), maxChars)) {
            String text;
            long number = 0;
            while ((text = lines.next()) != null) {
                number++;
                final long lineNo = number;
                if (lines.tooLong()) {
                    window.put(java.util.concurrent.CompletableFuture.completedFuture(org.adcckb.batch.Lines.error(lineNo, name + ":" + lineNo
                            + ": the line is longer than the limit of " + maxChars + " characters (--max-bytes)")));
                    continue;
                }
                if (text.isBlank()) {
                    continue;
                }
                final String t = text;
                window.put(pool.submit(() -> evaluator.evaluate(t, lineNo, name)));
            }
        } catch (IOException e) {
            throw new InputException(name, "", "cannot be read: " + e.getMessage());
        } finally {
            window.put(java.util.concurrent.CompletableFuture.completedFuture(null));
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

    /**
     * Lines of at most {@code max} characters: a longer line is not kept in memory but skipped to its end
     * and reported, so one hostile line cannot exhaust the heap.
     */
    static final class BoundedLines implements AutoCloseable {
        private final BufferedReader in;
        private final int max;
        private final StringBuilder line = new StringBuilder();
        private boolean tooLong;

        BoundedLines(BufferedReader in, int max) {
            this.in = in;
            this.max = max;
        }

        /** The next line (without its end), or null at the end of the input. */
        String next() throws IOException {
            line.setLength(0);
            tooLong = false;
            int c;
            boolean any = false;
            while ((c = in.read()) != -1) {
                any = true;
                if (c == '\n') {
                    break;
                }
                if (line.length() < max) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (!any) {
                return null;
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            return line.toString();
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
