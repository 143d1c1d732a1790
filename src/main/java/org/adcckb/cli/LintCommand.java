package org.adcckb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adcckb.report.JsonReport;
import org.adcckb.input.InputException;
import org.adcckb.lint.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adcc lint}: check a rules directory, every problem with its file and line. */
@Command(name = "lint", mixinStandardHelpOptions = true,
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

    @Override
    public Integer call() {
        if (samples < 0) {
            throw new InputException("--samples", "", "must be 0 or more, got " + samples);
        }
        Linter.Report report = Linter.lint(knowledge.rulesDir(), samples, knowledge.runLimits());
        StringBuilder out = new StringBuilder();
        if (format == Format.json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("rules", report.rules());
            root.put("sampled", report.sampled());
            root.put("errors", report.errors());
            root.put("warnings", report.warnings());
            ArrayNode findings = root.putArray("findings");
            for (Linter.Finding f : report.findings()) {
                ObjectNode n = findings.addObject();
                n.put("severity", f.severity());
                n.put("file", f.file());
                n.put("line", f.line());
                if (f.rule() != null) {
                    n.put("rule", f.rule());
                } else {
                    n.putNull("rule");
                }
                n.put("check", f.check());
                n.put("message", f.message());
            }
            out.append(JsonReport.pretty(root)).append('\n');
        } else {
            report.findings().forEach(f -> out.append(f).append('\n'));
            out.append(report.rules()).append(" rules, ").append(report.sampled()).append(" random scenarios: ")
                    .append(report.errors()).append(report.errors() == 1 ? " error, " : " errors, ")
                    .append(report.warnings()).append(report.warnings() == 1 ? " warning" : " warnings").append('\n');
        }
        print(out);
        return report.errors() > 0 ? Main.FAILED_CHECKS : 0;
    }
}
