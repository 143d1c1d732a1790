package org.adcckb.report.graph;

import static org.adcckb.report.graph.Page.esc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.Edit;
import org.adcckb.whatif.Chain;
import org.adcckb.whatif.Change;
import org.adcckb.whatif.ConclusionChange;
import org.adcckb.whatif.Sweep;
import org.adcckb.whatif.WhatIf;

/**
 * Reports as one self-contained HTML file each: a reader can open, mail or print it with nothing else,
 * and nothing is fetched when it is viewed (the graphs are inline SVG, the style sheet inline; the only
 * outside links are the cited sources).
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String explain(Evaluation ev, String rulesFingerprint) {
        EvaluationHtml e = new EvaluationHtml(ev, "c");
        Page p = new Page("adcc-kb: " + ev.scenario().id());
        p.raw(e.header("h1"));
        p.line("<h2>Outcome</h2>").raw(e.outcome());
        p.line("<h2>Cells</h2>").raw(e.cells());
        p.line("<h2>Derivation</h2>").raw(Page.legend(false))
                .raw(Page.figure(GraphSvg.render(ev), "From the scenario's facts (top) through the rules to the outcome (bottom)."));
        p.line("<h2>Conclusions</h2>").raw(e.conclusions());
        p.line("<h2>Rules used</h2>").raw(e.rules());
        p.line("<h2>References</h2>").raw(e.references());
        return p.finish(rulesFingerprint);
    }

    /** The baseline and the variant side by side, each graph with the nodes the edits moved marked. */
    public static String whatIf(WhatIf w, String rulesFingerprint) {
        Page p = new Page("adcc-kb what if: " + w.baseline().scenario().id());
        String edits = String.join(", ", w.edits().stream().map(Edit::describe).toList());
        p.line("<h1>What if: " + esc(edits) + "</h1>");
        p.line("<p>Scenario " + esc(w.baseline().scenario().id())
                + (w.baseline().scenario().title() == null ? "" : ": " + esc(w.baseline().scenario().title())) + "</p>");
        p.line("<h2>Outcome</h2>").raw(changes(w.outcome(), true));
        p.line("<h2>Cells</h2>").raw(changes(w.cells(), false));
        p.line("<h2>Why the outcome moved</h2>");
        if (w.chains().isEmpty()) {
            p.line("<p>No outcome changed.</p>");
        } else {
            p.line("<ul>");
            for (Chain c : w.chains()) {
                String label = w.baseline().outcome().kinds().stream().filter(k -> k.name().equals(c.outcome()))
                        .map(org.adcckb.kb.OutcomeKind::label).findFirst().orElse(c.outcome());
                p.line("<li><b>" + esc(label) + "</b>: "
                        + esc(c.text()) + "</li>");
            }
            p.line("</ul>");
        }
        p.line("<h2>Conclusions gained, lost and changed</h2>").raw(conclusionChanges(w.conclusions()));

        Map<String, String> before = new HashMap<>();
        Map<String, String> after = new HashMap<>();
        for (ConclusionChange c : w.conclusions()) {
            (c.before() != null ? before : after).put(c.key(), c.kind());
            if (c.before() != null && c.after() != null) {
                after.put(c.key(), c.kind());
            }
        }
        for (Change c : w.outcome()) {
            if (c.changed()) {
                String key = "outcome:" + c.path().substring("outcome.".length());
                before.put(key, "changed");
                after.put(key, "changed");
            }
        }
        p.line("<h2>Derivations</h2>").raw(Page.legend(true));
        p.line("<div class=\"sides\">\n<div>\n<h3>Baseline</h3>");
        p.raw(Page.figure(GraphSvg.render(DerivationGraph.of(w.baseline()), before), "Baseline: lost and changed nodes marked."));
        p.line("</div>\n<div>\n<h3>Variant</h3>");
        p.raw(Page.figure(GraphSvg.render(DerivationGraph.of(w.variant()), after), "Variant: gained and changed nodes marked."));
        p.line("</div>\n</div>");
        EvaluationHtml b = new EvaluationHtml(w.baseline(), "b");
        EvaluationHtml v = new EvaluationHtml(w.variant(), "v");
        p.line("<div class=\"sides\">\n<div>").raw(b.header("h3")).raw(b.outcome()).raw(b.cells())
                .line("</div>\n<div>").raw(v.header("h3")).raw(v.outcome()).raw(v.cells()).line("</div>\n</div>");
        p.line("<h2>Conclusions of the variant</h2>").raw(v.conclusions());
        p.line("<h2>Rules used by the variant</h2>").raw(v.rules());
        java.util.Set<org.adcckb.kb.RuleInfo> cited = new java.util.LinkedHashSet<>(w.baseline().explanation().rulesUsed());
        cited.addAll(w.variant().explanation().rulesUsed());
        p.line("<h2>References</h2>").raw(Page.references(cited));
        return p.finish(rulesFingerprint);
    }

    /** The ranked combinations, each factor's main effect, and a heatmap of factor levels against outcomes. */
    public static String sweep(Sweep.Result r, String rulesFingerprint) {
        return SweepHtml.render(r, rulesFingerprint);
    }

    private static String changes(List<Change> changes, boolean all) {
        StringBuilder h = new StringBuilder("<table class=\"changes\">\n<tr><th>what</th><th>before</th><th>after</th><th>direction</th></tr>\n");
        int shown = 0;
        for (Change c : changes) {
            if (!all && !c.changed()) {
                continue;
            }
            shown++;
            boolean grade = c.path().startsWith("outcome.");
            h.append("<tr data-path=\"").append(esc(c.path())).append("\"><td>").append(esc(c.path())).append("</td><td>")
                    .append(grade ? Page.grade(c.from()) : esc(c.from())).append("</td><td>")
                    .append(grade ? Page.grade(c.to()) : esc(c.to())).append("</td><td class=\"dir-").append(esc(c.direction()))
                    .append("\">").append(esc(c.direction())).append("</td></tr>\n");
        }
        if (shown == 0) {
            return "<p>No cell changed.</p>\n";
        }
        return h.append("</table>\n").toString();
    }

    private static String conclusionChanges(List<ConclusionChange> changes) {
        if (changes.isEmpty()) {
            return "<p>No conclusion changed.</p>\n";
        }
        StringBuilder h = new StringBuilder("<table class=\"conclusion-changes\">\n<tr><th>change</th><th>conclusion</th><th>because</th></tr>\n");
        for (ConclusionChange c : changes) {
            String text = c.before() != null && c.after() != null ? WhatIf.changedText(c.before(), c.after())
                    : c.after() != null ? c.after() : c.before();
            h.append("<tr data-key=\"").append(esc(c.key())).append("\"><td class=\"kind-").append(esc(c.kind())).append("\">")
                    .append(esc(c.kind())).append("</td><td>").append(esc(text)).append("</td><td>");
            for (ConclusionChange.Cause cause : c.causes()) {
                h.append("rule <i>").append(esc(cause.rule())).append("</i> (").append(Page.sources(cause.sources())).append(')');
                if (!cause.changed().isEmpty()) {
                    h.append(" on ").append(esc(String.join(", ", cause.changed())));
                }
                if (cause.note() != null) {
                    h.append(": ").append(esc(cause.note()));
                }
                h.append("<br>");
            }
            h.append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }
}
