package org.adcckb.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adcckb.expect.Validation;
import org.adcckb.input.InputException;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adcc validate}: check every finding of the scenario files and write the validation report
 * (docs/VALIDATION.md), one row per finding. Everything is read and evaluated before the file is
 * written, and it is written to a temporary file that then replaces the report, so an error never
 * leaves half a report.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc validate --check",
        description = {"Check every finding of the scenario files (default: facts/) and write a Markdown report, "
                + "one row per finding with its source, evidence, expected and obtained values (default: docs/VALIDATION.md).",
                "Exit code 3 when a finding fails, or with --check when the report is out of date."})
final class ValidateCommand extends ScenarioCommand {

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "Scenario files or directories (default: facts/; '-': standard input).")
    List<Path> inputs;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the report (default: docs/VALIDATION.md).")
    Path output;

    @Option(names = "--check", description = "Write nothing: compare the report with the existing file and exit 3 when it is out of date.")
    boolean check;

    @Override
    public Integer call() {
        Path out = output != null ? output : KnowledgeOptions.Home.resolve("docs").resolve("VALIDATION.md");
        if (Files.isDirectory(out)) {
            throw new InputException(out.toString(), "", "is a directory; --output names the report file");
        }
        if (!check) {
            OutputFile.target(out); // refused before any work: a device, a directory, a missing directory
        }
        KnowledgeBase kb = knowledge.load();
        List<Path> where = inputs == null || inputs.isEmpty() ? List.of(KnowledgeOptions.Home.resolve("facts")) : inputs;
        List<Scenario> scenarios = ScenarioFiles.read(where, kb.vocabulary(), knowledge.limits());
        Validation.Report report = Validation.run(scenarios, knowledge.reasoner(kb), out);
        byte[] bytes = report.markdown().getBytes(StandardCharsets.UTF_8);

        PrintWriter err = spec.commandLine().getErr();
        Path shown = shown(out);
        String summary = report.summary() + (report.failed() == 0 ? "" : " (" + String.join(", ", report.failing()) + ")");
        if (check) {
            OutputFile.Difference d = OutputFile.compare(out, bytes);
            if (!d.upToDate()) {
                err.println("adcc: " + shown + (d.missing() ? " does not exist" : " is out of date (first difference at line "
                        + d.line() + ")") + "; run the same command without --check to write it");
                err.flush();
                return Main.FAILED_CHECKS;
            }
            err.println("adcc: " + shown + " is up to date: " + summary);
        } else {
            OutputFile.write(out, bytes);
            err.println("adcc: wrote " + shown + ": " + summary);
        }
        err.flush();
        return report.failed() == 0 ? 0 : Main.FAILED_CHECKS;
    }

    /** The report's path as a reader wants it: relative to the working directory when it lies below it. */
    private static Path shown(Path out) {
        Path here = Path.of("").toAbsolutePath();
        Path abs = out.toAbsolutePath().normalize();
        return abs.startsWith(here) ? here.relativize(abs) : out;
    }
}
