package org.adcckb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adcckb.AdccKb;
import org.adcckb.report.JsonReport;
import org.adcckb.report.WhatIfReport;
import org.adcckb.report.graph.HtmlReport;
import org.adcckb.input.InputException;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.whatif.Budget;
import org.adcckb.whatif.WhatIf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adcc whatif}: what changes when treatments are added, removed or cells changed, and why. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc whatif facts/lejeune-2021/low-target-dara.json --add atra",
        description = {"Compare a scenario with an edited copy: each outcome and cell change with its direction, "
                + "the conclusions gained, lost and changed, and the chain from the edit to each outcome.",
                "Edits apply in the order: --remove, --add, --set."})
final class WhatIfCommand extends ScenarioCommand {

    enum Format { text, json, html }

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario ('-': standard input).")
    Path file;

    @Option(names = "--add", converter = Converters.AddConverter.class, paramLabel = "AGENT[@CELL]", description = "Add a treatment: in the system, or pre-incubated on CELL.")
    List<Edit> add = new ArrayList<>();

    @Option(names = "--remove", converter = Converters.RemoveConverter.class, paramLabel = "AGENT[@CELL]", description = "Remove a treatment of the scenario.")
    List<Edit> remove = new ArrayList<>();

    @Option(names = "--set", converter = Converters.SetConverter.class, paramLabel = "CELL.FIELD=VALUE", description = "Change a cell (cd38, cd16, cd38Knockout, line), setting=in_vivo|in_vitro or (in vivo) course=COURSE.")
    List<Edit> set = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default), json or html (a self-contained page with both derivation graphs).")
    Format format;

    @Option(names = "--budget-millis", paramLabel = "MS", defaultValue = "" + Budget.DEFAULT_MAX_MILLIS,
            description = BudgetOptions.MILLIS_HELP)
    long budgetMillis;

    @Override
    public Integer call() {
        List<Edit> edits = new ArrayList<>(remove);
        edits.addAll(add);
        edits.addAll(set);
        if (edits.isEmpty()) {
            throw new InputException("whatif", "", "give at least one edit: --add AGENT[@CELL], --remove AGENT[@CELL] or --set CELL.FIELD=VALUE");
        }
        Budget budget = BudgetOptions.ofMillis(budgetMillis);
        AdccKb kb = knowledge.open();
        Scenario s = read(kb, file);
        WhatIf w = kb.whatIf(s, edits, budget);
        String out = switch (format) {
            case text -> WhatIfReport.text(w);
            case json -> JsonReport.pretty(WhatIfReport.toJson(w, kb.knowledgeBase().fingerprint())) + "\n";
            case html -> HtmlReport.whatIf(w, kb.knowledgeBase().fingerprint());
        };
        return print(out);
    }
}
