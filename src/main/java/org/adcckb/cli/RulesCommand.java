package org.adcckb.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adcckb.report.JsonReport;
import org.adcckb.report.RulesReport;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.kb.RuleInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adcc rules}: the loaded rules with their sources and evidence. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List the loaded rules with their file, sources, evidence grade and rationale.")
final class RulesCommand extends KnowledgeCommand {

    enum Format { text, json }

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Override
    public Integer call() {
        KnowledgeBase kb = knowledge.load();
        StringBuilder out = new StringBuilder();
        if (format == Format.json) {
            ObjectNode root = RulesReport.json(kb);
            out.append(JsonReport.pretty(root)).append('\n');
        } else {
            out.append(kb.rules().size()).append(" rules in ").append(kb.directory()).append('\n');
            String file = null;
            for (RuleInfo r : kb.rules()) {
                if (!r.file().equals(file)) {
                    file = r.file();
                    out.append('\n').append(file).append('\n');
                }
                out.append("  ").append(r.line()).append(": \"").append(r.name()).append("\"\n");
                out.append("      evidence ").append(r.evidence()).append(r.isInferred() ? " (partly inferred)" : "")
                        .append("  ").append(String.join("; ", r.sources())).append('\n');
                out.append("      ").append(r.rationale()).append('\n');
                if (r.isInferred()) {
                    out.append("      inferred: ").append(r.inferred()).append('\n');
                }
            }
            out.append('\n').append("Cell types: ").append(String.join(", ", kb.vocabulary().cellTypeNames())).append('\n');
            out.append("Agents: ").append(String.join(", ", kb.vocabulary().agentNames())).append('\n');
        }
        return print(out);
    }
}
