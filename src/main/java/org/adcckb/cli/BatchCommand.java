package org.adcckb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.adcckb.batch.CohortEngine;
import org.adcckb.batch.KeptResults;
import org.adcckb.batch.Lines;
import org.adcckb.batch.Pipeline;
import org.adcckb.batch.Sinks;
import org.adcckb.batch.Source;
import org.adcckb.input.InputException;
import org.adcckb.kb.CompiledCache;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RulesFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adcc batch}: scenarios as JSON Lines in, results as JSON Lines out, streaming, in input order
 * ({@link Pipeline}). A line that cannot be evaluated, for whatever reason, gives an error record with its
 * line number and the run goes on. A failed write ends the run at once; SIGINT or SIGTERM end it after
 * the chunk being written, so the output always ends with a whole line.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc batch --no-explain facts/lejeune-2021.jsonl",
        description = {"Evaluate scenarios given as JSON Lines (one scenario object per line) from FILE or standard input, "
                + "and write one result per line to standard output, in input order: the object of explain --format jsonl, "
                + "or {\"line\": N, \"error\": \"...\"} for a line that cannot be evaluated (bad input, a rule that "
                + "throws, loops or runs past --max-millis).",
                "Progress and a summary go to standard error. Exit code 2 when any line failed; "
                + "130 or 143 when interrupted (SIGINT, SIGTERM), after the last whole line."})
final class BatchCommand extends ScenarioCommand {

    /** How long an interrupted run may take to finish the chunk it is writing. */
    private static final long STOP_WAIT_MILLIS = 5_000;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "JSON Lines input (default or '-': standard input).")
    String input;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--no-explain", description = "Leave the explanation out of each result (faster; same outcome and cells).")
    boolean noExplain;

    @Option(names = "--fresh", description = "Evaluate every line: neither use nor keep the results earlier batches "
            + "kept on disk (by rules, build and options, in the compiled-rules cache; ADCC_CACHE=off turns both off, "
            + "for the batch daemon when it is started).")
    boolean fresh;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = LOCAL,
            description = "Where to evaluate: 'local' (default: this process, results on standard output) or 'spark' "
                    + "(Apache Spark, results as part files in --output; ./adcc builds it on first use, docs/SCALING.md).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master (default: local[*], all cores of this machine).")
    String master;

    @Option(names = "--output", paramLabel = "DIR", description = "With --engine spark: the directory of results, which must not exist yet.")
    String output;

    private static final String LOCAL = "local";
    private static final String SPARK = "spark";

    /** This process, unless the batch daemon runs the command for a client. */
    Host host = Host.PROCESS;

    @Override
    public Integer call() throws Exception {
        if (!LOCAL.equals(engine)) {
            return onEngine();
        }
        for (String[] only : new String[][] {{"--master", master}, {"--output", output}}) {
            if (only[1] != null) {
                throw new InputException(only[0], "", "applies to --engine spark only; the local engine writes results to standard output");
            }
        }
        int n = threads.count();
        Source source = input == null || "-".equals(input) ? new Source(host.stdin(), "stdin")
                : Source.open(input, host.resolve(java.nio.file.Path.of(input)));
        // The rule files are read once, here: the rules loaded (at once, or when a line is first not among the kept
        // results) are these, however the directory changes while the batch runs.
        RulesFiles rules = RulesFiles.read(host.resolve(knowledge.rulesDir()));
        KeptResults kept = fresh ? KeptResults.NONE
                : KeptResults.open(CompiledCache.configured(), rules, !noExplain, knowledge.limits(), knowledge.runLimits());
        Lines evaluator = new Lines(() -> {
            KnowledgeBase kb = host.load(rules);
            return new Lines.Knowledge(kb, knowledge.reasoner(kb));
        }, knowledge.limits(), !noExplain, kept);
        PrintWriter err = spec.commandLine().getErr();
        Pipeline pipeline = new Pipeline(evaluator, n, knowledge.limits().maxBytes(), source.name(),
                sink(spec.commandLine().getOut()), err);
        Pipeline.Summary s;
        try {
            s = host.run(pipeline, source.stream(), STOP_WAIT_MILLIS, written -> {
                err.printf("batch: interrupted; %d scenarios written, each on a whole line%n", written);
                err.flush();
            });
        } catch (Pipeline.InputFailure e) {
            throw new InputException(e.input(), "", "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // The rules, loaded when a line first needed them (the batch started from kept results), could not be
            // (out of memory, say: they loaded from these very files before): the lines written before are whole,
            // and their number is told, as after an interrupt.
            if (pipeline.written() > 0) {
                err.printf("batch: stopped after %d scenarios, each on a whole line%n", pipeline.written());
                err.flush();
            }
            throw e;
        } catch (IOException e) {
            throw new OutputFailure(e);
        }
        if (s.stopped()) {
            return Main.INTERNAL; // the interrupt has been reported; the JVM's exit code is the signal's
        }
        evaluator.keepResults();
        long answered = evaluator.keptAnswers();
        err.printf("batch: %d scenarios, %d failed, in %.1f s (%.0f/s)%s%n", s.lines(), s.errors(), s.seconds(), s.rate(),
                answered == 0 ? "" : "; " + answered + " answered from results kept by earlier batches of these rules (--fresh: evaluate every line)");
        err.flush();
        return s.errors() == 0 ? 0 : Main.BAD_INPUT;
    }

    /**
     * The cohort on another engine, found on the class path ({@link CohortEngine}): same results, written as files
     * to --output; the summary is the local engine's.
     */
    private int onEngine() {
        // Named first, before its options are checked; spark is known even when it is not on this class path
        // (./adcc puts it there), any other engine only when it is.
        if (!SPARK.equals(engine) && CohortEngine.named(engine).isEmpty()) {
            throw new InputException("--engine", "", "no engine '" + engine + "'; the engines are 'local' and 'spark'");
        }
        if (input == null || "-".equals(input)) {
            throw new InputException("FILE", "", "--engine " + engine + " reads a file or directory, not standard input");
        }
        if (output == null) {
            throw new InputException("--output", "", "--engine " + engine + " writes its results to a directory: give --output DIR");
        }
        if (threads.threads != null) {
            throw new InputException("--threads", "", "applies to the local engine only; Spark's parallelism is its master's (--master 'local[N]')");
        }
        CohortEngine chosen = CohortEngine.named(engine).orElse(null);
        if (chosen == null) {
            throw new InputException("--engine", "",
                    "spark is not on the class path of this run; ./adcc batch --engine spark builds it (mvn -Pspark package) and runs it");
        }
        PrintWriter err = spec.commandLine().getErr();
        CohortEngine.Summary s = chosen.run(new CohortEngine.Job(input, output, knowledge.rulesDir(), !noExplain,
                knowledge.limits(), knowledge.runLimits(), master == null ? "local[*]" : master), err);
        err.printf("batch: %d scenarios, %d failed, in %.1f s (%.0f/s); results in %s%n", s.lines(), s.errors(), s.seconds(), s.rate(), output);
        err.flush();
        return s.errors() == 0 ? 0 : Main.BAD_INPUT;
    }

    /**
     * Where results go: the process's standard output as bytes, or, when a caller gave the command line a
     * writer of its own (the tests), that writer.
     */
    static Pipeline.Sink sink(PrintWriter writer) {
        if (writer instanceof Main.StandardOut std) {
            std.flush(); // what the writer holds goes out before the bytes that bypass it
            return Sinks.bytes(std.stream());
        }
        return Sinks.text(writer);
    }
}
