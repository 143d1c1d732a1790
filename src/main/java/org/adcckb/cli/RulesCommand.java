package org.adcckb.cli;

import org.adcckb.report.JsonReport;
import org.adcckb.report.RulesReport;
import org.adcckb.kb.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adcc rules}: the loaded rules with their sources and evidence. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc rules --format json",
        description = "List the loaded rules with their file, sources, evidence grade and rationale.")
final class RulesCommand extends KnowledgeCommand {

    enum Format { text, json }

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Override
    public Integer call() {
        KnowledgeBase kb = knowledge.load();
        return print(format == Format.json ? JsonReport.pretty(RulesReport.json(kb)) + "\n" : RulesReport.text(kb));
    }
}
