package org.adcckb.batch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.adcckb.input.Limits;
import org.adcckb.reasoning.RunLimits;

/**
 * An engine that evaluates a cohort file into a directory of result files, for {@code adcc batch --engine NAME
 * --output DIR}: the Apache Spark job of docs/SCALING.md is one. Engines are found with {@link ServiceLoader}, so
 * an engine whose libraries are not on the class path (Spark is not, in the default build) is simply absent.
 *
 * <p>Whatever the engine, the files of the output directory, concatenated in name order, hold exactly what
 * {@code adcc batch FILE} prints: one result or error record per non-blank line, in input order.
 */
public interface CohortEngine {

    /** The name {@code --engine} takes. */
    String name();

    /**
     * Evaluates {@link Job#input} into {@link Job#output}, a directory it creates; reports progress and problems
     * of the engine itself to {@code err}.
     *
     * @throws org.adcckb.input.InputException when the input cannot be read or the output directory exists
     */
    Summary run(Job job, PrintWriter err);

    /**
     * A cohort run.
     *
     * @param input the JSON Lines file (or a directory of them) as given; error records name it
     * @param output the directory of results, a path or URL of the engine's file systems
     * @param master where to run, in the engine's terms ({@code local[2]}, a cluster URL), or null for the engine's default
     */
    record Job(String input, String output, Path rules, boolean explain, Limits limits, RunLimits runLimits, String master) {
    }

    /** What a run did: the non-blank lines read and how many of them gave an error record. */
    record Summary(long lines, long errors, double seconds) {
        public double rate() {
            return seconds > 0 ? lines / seconds : 0;
        }
    }

    /** The engine of that name on the class path, if any. */
    static Optional<CohortEngine> named(String name) {
        java.util.Iterator<CohortEngine> engines = ServiceLoader.load(CohortEngine.class).iterator();
        while (true) {
            try {
                if (!engines.hasNext()) {
                    return Optional.empty();
                }
                CohortEngine engine = engines.next();
                if (engine.name().equals(name)) {
                    return Optional.of(engine);
                }
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                // An engine declared but not loadable here (its libraries are missing): as good as absent.
            }
        }
    }
}
