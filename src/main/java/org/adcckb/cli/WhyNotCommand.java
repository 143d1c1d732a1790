package org.adcckb.cli;

import java.nio.file.Path;
import org.adcckb.AdccKb;
import org.adcckb.explain.JsonReport;
import org.adcckb.explain.WhyNotReport;
import org.adcckb.json.InputException;
import org.adcckb.scenario.Scenario;
import org.adcckb.whatif.Goal;
import org.adcckb.whatif.WhyNot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adcc whynot}: why a goal is not reached, and the smallest interventions that reach it. */
@Command(name = "whynot", mixinStandardHelpOptions = true,
        description = "Explain why a scenario misses a goal (what stands in the way, the unmet conditions of the rules "
                + "that would get there) and search the smallest sets of added treatments that reach it.")
final class WhyNotCommand extends KnowledgeCommand {

    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario.")
    Path file;

    @Option(names = "--goal", required = true, paramLabel = "FIELD(=|>=|<=|>|<)LEVEL",
            description = "The outcome wanted: adcc, fratricide or nkDepletion compared with none, low, moderate or high, "
                    + "such as adcc=high, adcc>=moderate, fratricide<=low.")
    String goal;

    @Option(names = "--max", defaultValue = "3", paramLabel = "N",
            description = "The largest set of added treatments to search, 1 to 4 (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--agents", split = ",", paramLabel = "AGENT[,AGENT...]",
            description = "Search only among these agents (default: every agent of the vocabulary).")
    java.util.List<String> agents;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Override
    public Integer call() {
        Goal g = Goal.parse(goal);
        if (max < 1 || max > 4) {
            throw new InputException("--max", "", "must be 1 to 4, got " + max);
        }
        AdccKb kb = knowledge.open();
        Scenario s = kb.read(file);
        WhyNot w = kb.whyNot(s, g, max, agents);
        String out = format == Format.json
                ? JsonReport.pretty(WhyNotReport.json(w, kb.knowledgeBase().fingerprint())) + "\n"
                : WhyNotReport.text(w);
        return print(out);
    }
}
