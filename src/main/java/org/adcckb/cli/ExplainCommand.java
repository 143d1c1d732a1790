package org.adcckb.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.adcckb.report.JsonReport;
import org.adcckb.report.TextReport;
import org.adcckb.report.graph.Dot;
import org.adcckb.report.graph.HtmlReport;
import org.adcckb.report.graph.Mermaid;
import org.adcckb.input.InputException;
import org.adcckb.kb.KnowledgeBase;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.ScenarioFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adcc explain}: the outcome of each scenario with the reasons for it. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n", footer = "  adcc explain facts/lejeune-2021/atra-low-target.json",
        description = "Evaluate scenarios and explain every conclusion: the rules, the facts they matched, the evidence.")
final class ExplainCommand extends ScenarioCommand {

    enum Format { text, json, jsonl, dot, mermaid, html }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Scenario files, or directories searched for *.json ('-': standard input).")
    List<Path> inputs;

    @Option(names = {"-f", "--format"}, defaultValue = "text",
            description = "text (default), json (one scenario), jsonl (one JSON object per line, one per scenario), "
                    + "dot or mermaid (the derivation graph of one scenario), html (a self-contained report of one scenario).")
    Format format;

    @Override
    public Integer call() {
        KnowledgeBase kb = knowledge.load();
        noteLint(kb);
        List<Scenario> scenarios = ScenarioFiles.read(inputs, kb.vocabulary(), knowledge.limits());
        if (format != Format.text && format != Format.jsonl && scenarios.size() != 1) {
            throw new InputException("--format " + format, "", "takes exactly one scenario, " + scenarios.size()
                    + " given; use --format jsonl or text for several");
        }
        Reasoner reasoner = knowledge.reasoner(kb);
        // Everything is evaluated before anything is written: an error in the last file leaves no partial output.
        StringBuilder out = new StringBuilder();
        for (Scenario s : scenarios) {
            var ev = reasoner.evaluate(s);
            switch (format) {
                case text -> {
                    if (out.length() > 0) {
                        out.append('\n').append("=".repeat(72)).append("\n\n");
                    }
                    out.append(TextReport.render(ev));
                }
                case json -> out.append(JsonReport.pretty(json(ev, kb))).append('\n');
                case jsonl -> out.append(new String(JsonReport.line(ev, kb.fingerprint(), true), java.nio.charset.StandardCharsets.UTF_8));
                case dot -> out.append(Dot.render(ev));
                case mermaid -> out.append(Mermaid.render(ev));
                case html -> out.append(HtmlReport.explain(ev, kb.fingerprint()));
            }
        }
        return print(out);
    }

    private static ObjectNode json(org.adcckb.reasoning.Evaluation ev, KnowledgeBase kb) {
        return JsonReport.toJson(ev, kb.fingerprint());
    }
}
