package org.adcckb.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.adcckb.batch.CohortEngine;
import org.adcckb.input.InputException;
import org.adcckb.input.Limits;
import org.adcckb.kb.KnowledgeBaseException;
import org.adcckb.reasoning.RunLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The cohort job for {@code spark-submit}: JSON Lines of scenarios in, a directory of result files out, whose
 * files concatenated in name order are what {@code adcc batch} prints for the same input (docs/SCALING.md).
 * Exit codes as {@code adcc}'s: 0 when every line was evaluated, 2 for bad input or usage or when some line gave
 * an error record, 1 for an internal error.
 */
@Command(name = "org.adcckb.spark.CohortJob", mixinStandardHelpOptions = true, versionProvider = CohortJob.Version.class,
        description = {"Evaluate a cohort of scenarios (JSON Lines) on Apache Spark: one result per non-blank line, "
                + "written to OUTPUT as part files in input order; their concatenation in name order is what "
                + "'adcc batch INPUT' prints, error records and line numbers included.",
                "The driver compiles the rules of --rules and ships them to the executors, which each compile them "
                + "once and refuse to run if they get another fingerprint."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every line evaluated", "1:internal error", "2:bad input or usage, or some line gave an error record"})
public final class CohortJob implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "JSON Lines file, or a directory of them (read in name order); any path or URL Spark reads (hdfs://, s3a://, file:).")
    String input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "Directory of results, which must not exist yet.")
    String output;

    @Option(names = "--no-explain", description = "Leave the explanation out of each result (smaller, faster; same outcome and cells).")
    boolean noExplain;

    @Option(names = "--rules", paramLabel = "DIR", description = "The rules directory on the driver (default: ${DEFAULT-VALUE}).")
    Path rules = Path.of("rules");

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, when not given to spark-submit (e.g. 'local[2]').")
    String master;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CohortEngine.Job job = new CohortEngine.Job(input, output, rules, !noExplain, Limits.DEFAULT, RunLimits.DEFAULT, master);
        CohortEngine.Summary s = new SparkEngine("cohort").run(job, err);
        err.printf("cohort: %d scenarios, %d failed, in %.1f s (%.0f/s); results in %s%n", s.lines(), s.errors(), s.seconds(), s.rate(), output);
        err.flush();
        return s.errors() == 0 ? 0 : 2;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code); // spark-submit reports a normal return as success
        }
    }

    /** The version of the jar the job runs from (its manifest's Implementation-Version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CohortJob.class.getPackage().getImplementationVersion();
            return new String[] {"adcc-kb cohort job " + (v == null ? "(development build)" : v)};
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CohortJob());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            CohortJob job = line.getCommand();
            PrintWriter err = line.getErr();
            boolean known = e instanceof InputException || e instanceof KnowledgeBaseException;
            err.println(known ? "cohort: " + e.getMessage().replace("\n", "\ncohort: ")
                    : "cohort: internal error: " + e.getMessage() + (job.debug ? "" : " (--debug shows the stack trace)"));
            if (job.debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return known ? 2 : 1;
        });
        return cl;
    }
}
