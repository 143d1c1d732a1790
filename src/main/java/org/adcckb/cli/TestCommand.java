package org.adcckb.cli;

import java.nio.file.Path;
import java.util.List;
import org.adcckb.expect.ExpectationChecker;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code adcc test}: check the expectations written into scenario files against the current rules. */
@Command(name = "test", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc test facts/lejeune-2021",
        description = "Check the 'expect' blocks of scenario files (default: facts/): one line per check, then 'N passed, N failed'"
                + " (or, with --format json, every check as JSON). Exit code 3 when a check fails.")
final class TestCommand extends ScenarioCommand {

    enum Format { text, json }

    @picocli.CommandLine.Option(names = {"-f", "--format"}, defaultValue = "text",
            description = "text (default: one line per check) or json (every check with its scenario, findings and result).")
    Format format;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "Scenario files or directories (default: facts/; '-': standard input).")
    List<Path> inputs;

    @Override
    public Integer call() {
        KnowledgeBase kb = knowledge.load();
        noteLint(kb);
        List<Path> where = inputs == null || inputs.isEmpty() ? List.of(KnowledgeOptions.Home.resolve("facts")) : inputs;
        List<Scenario> scenarios = ScenarioFiles.read(where, kb.vocabulary(), knowledge.limits());
        ExpectationChecker.Result result = ExpectationChecker.run(scenarios, knowledge.reasoner(kb));
        StringBuilder out = new StringBuilder();
        if (format == Format.json) {
            out.append(org.adcckb.report.JsonReport.pretty(org.adcckb.report.TestReport.json(result, kb.fingerprint()))).append('\n');
        } else {
            result.checks().forEach(c -> out.append(c.line()).append('\n'));
            out.append(result.passed()).append(" passed, ").append(result.failed()).append(" failed\n");
        }
        print(out);
        return result.failed() == 0 ? 0 : Main.FAILED_CHECKS;
    }
}
