package org.adcckb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adcckb.batch.Lines;
import org.adcckb.batch.Pipeline;
import org.adcckb.input.InputException;
import org.adcckb.kb.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adcc batch}: scenarios as JSON Lines in, results as JSON Lines out, streaming, in input order
 * ({@link Pipeline}). A line that cannot be evaluated, for whatever reason, gives an error record with its
 * line number and the run goes on. A failed write ends the run at once; SIGINT or SIGTERM end it after
 * the chunk being written, so the output always ends with a whole line.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Evaluate scenarios given as JSON Lines (one scenario object per line) from FILE or standard input, "
                + "and write one result per line to standard output, in input order: the object of explain --format jsonl, "
                + "or {\"line\": N, \"error\": \"...\"} for a line that cannot be evaluated (bad input, a rule that "
                + "throws, loops or runs past --max-millis).",
                "Progress and a summary go to standard error. Exit code 2 when any line failed; "
                + "130 or 143 when interrupted (SIGINT, SIGTERM), after the last whole line."})
final class BatchCommand extends KnowledgeCommand {

    /** How long an interrupted run may take to finish the chunk it is writing. */
    private static final long STOP_WAIT_MILLIS = 5_000;

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
        Lines evaluator = new Lines(kb, knowledge.reasoner(kb), knowledge.limits(), !noExplain);
        PrintWriter err = spec.commandLine().getErr();
        Pipeline pipeline = new Pipeline(evaluator, n, knowledge.limits().maxBytes(), name,
                sink(spec.commandLine().getOut()), err);

        // On SIGINT or SIGTERM the JVM runs its shutdown hooks, then ends with 130 or 143: the hook lets
        // the writer finish its chunk, so no line is cut, and says how far the run got.
        Thread hook = new Thread(() -> {
            try {
                pipeline.stop(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.printf("batch: interrupted; %d scenarios written, each on a whole line%n", pipeline.written());
            err.flush();
        }, "adcc-batch-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        Pipeline.Summary s;
        try {
            s = pipeline.run(in);
        } catch (Pipeline.InputFailure e) {
            throw new InputException(e.input(), "", "cannot be read: " + e.getMessage());
        } catch (IOException e) {
            throw new OutputFailure(e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it reports
            }
        }
        if (s.stopped()) {
            return Main.INTERNAL; // the hook has spoken; the JVM's exit code is the signal's
        }
        err.printf("batch: %d scenarios, %d failed, in %.1f s (%.0f/s)%n", s.lines(), s.errors(), s.seconds(),
                s.lines() / Math.max(s.seconds(), 1e-9));
        err.flush();
        return s.errors() == 0 ? 0 : Main.BAD_INPUT;
    }

    /**
     * Where results go: the process's standard output as bytes (results are UTF-8 already), or, when a
     * caller gave the command line a writer of its own (the tests), that writer, its errors checked.
     */
    static Pipeline.Sink sink(PrintWriter writer) {
        if (writer instanceof Main.StandardOut std) {
            std.flush();
            java.io.OutputStream raw = new java.io.BufferedOutputStream(std.stream(), 1 << 16);
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
        return new Pipeline.Sink() {
            @Override
            public void write(byte[] utf8, int length) throws IOException {
                writer.write(new String(utf8, 0, length, StandardCharsets.UTF_8));
                if (writer.checkError()) {
                    throw new IOException("the output cannot be written");
                }
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
                if (writer.checkError()) {
                    throw new IOException("the output cannot be written");
                }
            }
        };
    }
}
