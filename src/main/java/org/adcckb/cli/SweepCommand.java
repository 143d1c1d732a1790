package org.adcckb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.AdccKb;
import org.adcckb.report.JsonReport;
import org.adcckb.report.SweepReport;
import org.adcckb.report.graph.HtmlReport;
import org.adcckb.scenario.Scenario;
import org.adcckb.whatif.Budget;
import org.adcckb.whatif.Factor;
import org.adcckb.whatif.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adcc sweep}: every combination of the factors, ranked, with each factor's main effect. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc sweep facts/lejeune-2021/low-target-dara.json --vary atra,ifn_alpha",
        description = "Evaluate the full factorial of up to 12 factors and --max-combinations combinations (treatments present or absent, cell fields over values), "
                + "in parallel, ranked by the outcomes in the vocabulary's order, each in its better direction (adcc rules lists them); "
                + "with the main effect of each factor on the first outcome.")
final class SweepCommand extends ScenarioCommand {

    enum Format { text, csv, json, markdown, html }

    @Parameters(index = "0", paramLabel = "FILE", description = "The base scenario ('-': standard input).")
    Path file;

    @Option(names = "--vary", required = true, paramLabel = "FACTORS", converter = Converters.FactorsConverter.class,
            description = "AGENT[@CELL],... (each present or absent), CELL.FIELD=v1|v2|..., setting=v1|v2 or course=v1|v2|... ; repeatable.")
    List<Converters.Factors> vary = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default), csv, json, markdown or html (a self-contained page with a heatmap of factors against outcome).")
    Format format;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--max-combinations", paramLabel = "N", defaultValue = "" + Budget.DEFAULT_MAX_COMBINATIONS,
            description = "Refuse, before anything runs, a sweep of more than N combinations (default: ${DEFAULT-VALUE}).")
    long maxCombinations;

    @Option(names = "--budget-millis", paramLabel = "MS", defaultValue = "" + Budget.DEFAULT_MAX_MILLIS,
            description = BudgetOptions.MILLIS_HELP)
    long budgetMillis;

    @Override
    public Integer call() {
        Budget budget = BudgetOptions.of(maxCombinations, budgetMillis, Budget.DEFAULT_MAX_SOLUTIONS);
        AdccKb kb = knowledge.open();
        Scenario s = read(kb, file);
        List<Factor> factors = vary.stream().flatMap(v -> v.list().stream()).toList();
        Factor.check(factors, s, kb.knowledgeBase().vocabulary());
        Sweep.Result r = kb.sweep(s, factors, threads.count(), new StderrProgress(spec.commandLine().getErr(), "sweep", "combinations"), budget);
        String out = switch (format) {
            case text -> SweepReport.text(r);
            case csv -> SweepReport.csv(r);
            case markdown -> SweepReport.markdown(r);
            case json -> JsonReport.pretty(SweepReport.json(r, kb.knowledgeBase().fingerprint())) + "\n";
            case html -> HtmlReport.sweep(r, kb.knowledgeBase().fingerprint());
        };
        return print(out);
    }
}
