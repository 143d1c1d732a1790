package org.adcckb.cli;

import java.nio.file.Path;
import org.adcckb.AdccKb;
import org.adcckb.report.JsonReport;
import org.adcckb.report.WhyNotReport;
import org.adcckb.input.InputException;
import org.adcckb.scenario.Scenario;
import org.adcckb.whatif.Budget;
import org.adcckb.whatif.Goal;
import org.adcckb.whatif.WhyNot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adcc whynot}: why a goal is not reached, and the smallest interventions that reach it. */
@Command(name = "whynot", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc whynot facts/lejeune-2021/low-target-dara.json --goal 'adcc>=moderate'",
        description = "Explain why a scenario misses a goal (what stands in the way, the unmet conditions of the rules "
                + "that would get there) and search the smallest sets of added treatments that reach it.")
final class WhyNotCommand extends ScenarioCommand {

    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario ('-': standard input).")
    Path file;

    @Option(names = "--goal", required = true, paramLabel = "FIELD(=|>=|<=|>|<)LEVEL", converter = Converters.GoalConverter.class,
            description = "The outcome wanted: an outcome of the vocabulary (adcc rules lists them) compared with none, low, "
                    + "moderate or high by =, >=, <=, > or <.")
    Goal goal;

    @Option(names = "--max", defaultValue = "3", paramLabel = "N",
            description = "The largest set of added treatments to search, 1 to 4 (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--agents", split = ",", paramLabel = "AGENT[,AGENT...]",
            description = "Search only among these agents (default: every agent of the vocabulary).")
    java.util.List<String> agents;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "" + WhyNotReport.DEFAULT_TOP,
            description = "Show the best N answers (default: ${DEFAULT-VALUE}); the search still finds them all, and says how many.")
    int top;

    @Option(names = "--conditions",
            description = "Show the unmet condition of each rule that waits, as written in its rule file.")
    boolean conditions;

    @Option(names = "--max-combinations", paramLabel = "N", defaultValue = "" + Budget.DEFAULT_MAX_COMBINATIONS,
            description = "Refuse, before anything runs, a search of more than N sets of added treatments "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxCombinations;

    @Option(names = "--budget-millis", paramLabel = "MS", defaultValue = "" + Budget.DEFAULT_MAX_MILLIS,
            description = BudgetOptions.MILLIS_HELP)
    long budgetMillis;

    @Option(names = "--max-solutions", paramLabel = "N", defaultValue = "" + Budget.DEFAULT_MAX_SOLUTIONS,
            description = "Stop a search that finds more than N minimal solutions (default: ${DEFAULT-VALUE}).")
    int maxSolutions;

    @Override
    public Integer call() {
        if (max < 1 || max > 4) {
            throw new InputException("--max", "", "must be 1 to 4, got " + max);
        }
        if (top < 1) {
            throw new InputException("--top", "", "must be 1 or more, got " + top);
        }
        Budget budget = BudgetOptions.of(maxCombinations, budgetMillis, maxSolutions);
        AdccKb kb = knowledge.open();
        Goal g = goal.checked(kb.knowledgeBase().vocabulary());
        Scenario s = read(kb, file);
        WhyNot w = kb.whyNot(s, g, max, agents, budget, new StderrProgress(spec.commandLine().getErr(), "whynot", "sets"));
        String out = format == Format.json
                ? JsonReport.pretty(WhyNotReport.json(w, kb.knowledgeBase().fingerprint(), top)) + "\n"
                : WhyNotReport.text(w, top, conditions);
        return print(out);
    }
}
