package org.adcckb.report.graph;

import static org.adcckb.report.graph.Page.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adcckb.reasoning.Derivation;
import org.adcckb.reasoning.Node;
import org.adcckb.kb.RuleInfo;
import org.adcckb.reasoning.CellState;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.Scenario;

/**
 * The sections that describe one evaluation. {@code anchor} prefixes every id in the page, so that two
 * evaluations (a what-if's baseline and variant) can share one page.
 */
final class EvaluationHtml {

    private final Evaluation ev;
    private final String anchor;
    private final Map<String, Node> nodes;

    EvaluationHtml(Evaluation ev, String anchor) {
        this.ev = ev;
        this.anchor = anchor;
        this.nodes = ev.explanation().byKey();
    }

    String header(String level) {
        Scenario s = ev.scenario();
        StringBuilder h = new StringBuilder();
        h.append('<').append(level).append(">Scenario ").append(esc(s.id())).append("</").append(level).append(">\n");
        if (s.title() != null) {
            h.append("<p>").append(esc(s.title())).append("</p>\n");
        }
        h.append("<p class=\"muted\">setting: ").append(esc(s.setting().replace('_', ' ')
                        + (s.course() == null ? "" : ", " + s.course().label()))).append("; treatments: ")
                .append(s.treatments().isEmpty() ? "none" : esc(String.join(", ", s.treatments().stream()
                        .map(t -> t.on() == null ? t.agent() + " in the system" : t.agent() + " on " + t.on()).toList())))
                .append("</p>\n");
        return h.toString();
    }

    String outcome() {
        StringBuilder h = new StringBuilder("<table class=\"outcome\">\n");
        for (org.adcckb.kb.OutcomeKind k : ev.outcome().kinds()) {
            String full = org.adcckb.report.OutcomeWords.graded(ev, k.name());
            String level = ev.outcome().get(k.name());
            h.append("<tr><th>").append(esc(k.label())).append("</th><td>")
                    .append(Page.grade(level)).append(esc(full.substring(level.length()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        java.util.List<String> unknown = org.adcckb.report.OutcomeWords.unknowns(ev);
        if (!unknown.isEmpty()) {
            h.append("<p>Not known:</p>\n<ul class=\"unknowns\">\n");
            unknown.forEach(u -> h.append("<li>").append(esc(u)).append("</li>\n"));
            h.append("</ul>\n");
        }
        return h.toString();
    }

    String cells() {
        StringBuilder h = new StringBuilder("<table class=\"cells\">\n<tr><th>cell</th><th>type</th><th>line</th>"
                + "<th>CD38</th><th>CD16</th><th>antibody bound</th><th>depletion</th></tr>\n");
        for (CellState c : ev.cells().values()) {
            org.adcckb.facts.Cell given = ev.scenario().cell(c.id()).orElse(null);
            String baseline = given != null && given.heterogeneous()
                    ? "mixed: " + org.adcckb.facts.Cd38Subset.mix(given.subsets()) + " (mean " + c.cd38Baseline() + ")" : null;
            String cd38 = c.cd38Knockout() ? "knockout" : c.cd38Fold() != 1.0
                    ? (baseline != null ? baseline : c.cd38Baseline()) + " \u2192 " + c.cd38()
                            + String.format(Locale.ROOT, " (\u00d7%.2f)", c.cd38Fold())
                    : baseline != null ? baseline : c.cd38();
            StringBuilder bound = new StringBuilder();
            c.binding().forEach((ab, level) -> bound.append(bound.length() > 0 ? ", " : "").append(ab).append(' ').append(level));
            h.append("<tr><td>").append(esc(c.id())).append("</td><td>").append(esc(c.type())).append("</td><td>")
                    .append(esc(c.line() == null ? "" : c.line())).append("</td><td>").append(esc(cd38)).append("</td><td>")
                    .append(esc(c.carriesCd16() ? c.cd16() : "")).append("</td><td>").append(esc(bound.toString()))
                    .append("</td><td>").append(esc("effector".equals(c.role()) ? c.depletion() : "")).append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    /** For each outcome the conclusions that set it, then every conclusion with its rules, rationale and premises. */
    String conclusions() {
        StringBuilder h = new StringBuilder();
        for (org.adcckb.kb.OutcomeKind k : ev.outcome().kinds()) {
            String f = k.name();
            List<String> because = ev.explanation().outcomeSupport().getOrDefault(f, List.of());
            h.append("<p><b>Why ").append(esc(k.label())).append(" is ").append(esc(ev.outcome().get(f)))
                    .append("</b>: ");
            if (because.isEmpty()) {
                h.append("no rule concluded any ").append(esc(k.label())).append(" in this scenario, so it is none.");
            } else {
                h.append(String.join("; ", because.stream().map(this::ref).toList())).append('.');
            }
            h.append("</p>\n");
        }
        for (Node n : ev.explanation().nodes()) {
            if (n.input()) {
                continue;
            }
            h.append("<article class=\"conclusion\" id=\"").append(id(n.key())).append("\" data-key=\"").append(esc(n.key()))
                    .append("\">\n<p><b>").append(esc(n.text())).append("</b></p>\n");
            for (Derivation d : n.derivations()) {
                RuleInfo r = d.rule();
                h.append("<div class=\"rule\">by rule <i>").append(esc(r.name())).append("</i> <span class=\"small muted\">(")
                        .append(esc(r.file() + ":" + r.line())).append(")</span>, evidence ").append(esc(r.evidence()))
                        .append(", ").append(Page.sources(r.sources())).append("<br>\n").append(esc(r.rationale()));
                if (r.isInferred()) {
                    h.append("<br>\n<span class=\"muted\">inferred: ").append(esc(r.inferred())).append("</span>");
                }
                h.append("<br>\n<span class=\"small\">from: ")
                        .append(String.join("; ", d.premises().stream().map(this::ref).toList())).append("</span></div>\n");
            }
            h.append("</article>\n");
        }
        return h.toString();
    }

    String rules() {
        StringBuilder h = new StringBuilder("<table class=\"rules\">\n<tr><th>rule</th><th>where</th><th>evidence</th>"
                + "<th>sources</th><th>rationale</th></tr>\n");
        for (RuleInfo r : ev.explanation().rulesUsed()) {
            h.append("<tr><td>").append(esc(r.name())).append("</td><td>").append(esc(r.file() + ":" + r.line()))
                    .append("</td><td>").append(esc(r.evidence())).append("</td><td>").append(Page.sources(r.sources()))
                    .append("</td><td>").append(esc(r.rationale()));
            if (r.isInferred()) {
                h.append("<br><span class=\"muted\">inferred: ").append(esc(r.inferred())).append("</span>");
            }
            h.append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    /** The works the rules used cite, with their full references. */
    String references() {
        return Page.references(ev.explanation().rulesUsed());
    }

    /** A conclusion as a link to its entry; an input as its sentence. */
    private String ref(String key) {
        Node n = nodes.get(key);
        if (n == null) {
            return esc(key);
        }
        if (n.input()) {
            return "given: " + esc(n.text());
        }
        return "<a href=\"#" + id(key) + "\">" + esc(n.text()) + "</a>";
    }

    private String id(String key) {
        return DerivationGraph.id(anchor, key);
    }
}
