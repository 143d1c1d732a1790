package org.adcckb.cli;

import org.adcckb.input.InputException;
import org.adcckb.lint.Linter;
import org.adcckb.report.LintReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adcc lint}: check a rules directory, every problem with its file and line. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc lint --samples 500",
        description = {"Check the knowledge base: compile errors, evidence metadata (@source, @evidence, @rationale), "
                + "names the vocabulary does not declare, rules that change working memory, conclusions nothing reads, "
                + "and outcome levels no rule reaches in random scenarios.",
                "Exit code 3 when there is an error; warnings alone exit 0."})
final class LintCommand extends KnowledgeCommand {

    enum Format { text, json }

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json, for editors and CI.")
    Format format;

    @Option(names = "--samples", defaultValue = "2000", paramLabel = "N",
            description = "Random scenarios evaluated to see which outcome levels the rules reach (0 to skip; default ${DEFAULT-VALUE}).")
    int samples;

    @ArgGroup(validate = false, heading = "%nRun limits:%n", order = 2)
    RunLimitOptions runLimits = new RunLimitOptions();

    @Override
    RunLimitOptions runLimitOptions() {
        return runLimits != null ? runLimits : new RunLimitOptions();
    }

    @Override
    public Integer call() {
        if (samples < 0) {
            throw new InputException("--samples", "", "must be 0 or more, got " + samples);
        }
        if (!java.nio.file.Files.isDirectory(knowledge.rulesDir())) { // bad input, as for every other command, not a finding
            throw new InputException(knowledge.rulesDir().toString(), "",
                    "not a directory; --rules must name the directory that holds the .drl files");
        }
        Linter.Report report = Linter.lint(knowledge.rulesDir(), samples, knowledge.runLimits());
        print(format == Format.json ? LintReport.json(report) : LintReport.text(report));
        return report.errors() > 0 ? Main.FAILED_CHECKS : 0;
    }
}
