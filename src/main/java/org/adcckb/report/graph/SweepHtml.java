package org.adcckb.report.graph;

import static org.adcckb.report.graph.Page.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adcckb.facts.Levels;
import org.adcckb.kb.OutcomeKind;
import org.adcckb.whatif.Factor;
import org.adcckb.whatif.Sweep;

/** A sweep as a page: a heatmap of factor levels against the outcome, the main effects, the ranked combinations. */
final class SweepHtml {

    /** A page of 100,000 rows helps nobody and weighs tens of megabytes; the CSV and JSON formats have them all. */
    static final int MAX_ROWS = 1000;

    /** An outcome one wants more of is green, one that is paid for (lower is better) red. */
    private static final int[] GOOD = {46, 160, 67};
    private static final int[] COST = {207, 34, 46};

    private SweepHtml() {
    }

    static String render(Sweep.Result r, String fingerprint) {
        Page p = new Page("adcc-kb sweep: " + r.scenario().id());
        p.line("<h1>Sweep of " + esc(r.scenario().id()) + "</h1>");
        if (r.scenario().title() != null) {
            p.line("<p>" + esc(r.scenario().title()) + "</p>");
        }
        p.line("<p class=\"muted\">" + r.rows().size() + (r.rows().size() == 1 ? " combination of " : " combinations of ") + r.factors().size()
                + (r.factors().size() == 1 ? " factor" : " factors") + ", ranked by "
                + esc(org.adcckb.report.OutcomeText.rankedBy(r.outcomes())) + ".</p>");
        p.line("<h2>Factors against outcome</h2>");
        p.line("<p class=\"small\">Each cell: the mean grade (none 0, low 1, moderate 2, high 3) over the combinations with that"
                + " factor at that level, and how many combinations reached each grade. Darker is more.</p>");
        p.raw(heatmap(r));
        p.line("<h2>Main effects on " + esc(r.outcomes().get(0).label()) + "</h2>").raw(effects(r));
        p.line("<h2>Combinations, best first</h2>").raw(ranked(r));
        return p.finish(fingerprint);
    }

    private static String heatmap(Sweep.Result r) {
        StringBuilder h = new StringBuilder("<table class=\"heatmap\">\n<tr><th>factor</th><th>level</th>");
        for (OutcomeKind k : r.outcomes()) {
            h.append("<th>").append(esc(k.label())).append("</th>");
        }
        h.append("</tr>\n");
        for (int fi = 0; fi < r.factors().size(); fi++) {
            Factor factor = r.factors().get(fi);
            for (String level : factor.levels()) {
                h.append("<tr><td>").append(esc(factor.label())).append("</td><td>").append(esc(level)).append("</td>");
                for (OutcomeKind k : r.outcomes()) {
                    String field = k.name();
                    int[] counts = new int[Levels.GRADES.size()];
                    int n = 0;
                    for (Sweep.Row row : r.rows()) {
                        if (row.levels().get(fi).equals(level)) {
                            counts[Levels.gradeRank(row.outcome().asMap().get(field))]++;
                            n++;
                        }
                    }
                    double mean = 0;
                    for (int g = 0; g < counts.length; g++) {
                        mean += g * counts[g];
                    }
                    mean = n == 0 ? 0 : mean / n;
                    StringBuilder dist = new StringBuilder();
                    for (int g = 0; g < counts.length; g++) {
                        if (counts[g] > 0) {
                            dist.append(dist.length() > 0 ? ", " : "").append(Levels.GRADES.get(g)).append(' ').append(counts[g]);
                        }
                    }
                    h.append("<td class=\"heat\" data-field=\"").append(field).append("\" data-mean=\"")
                            .append(String.format(Locale.ROOT, "%.2f", mean)).append("\" style=\"background:")
                            .append(colour(k, mean)).append("\"><b>").append(String.format(Locale.ROOT, "%.2f", mean))
                            .append("</b><br><span class=\"small\">").append(esc(dist.toString())).append("</span></td>");
                }
                h.append("</tr>\n");
            }
        }
        return h.append("</table>\n").toString();
    }

    /** White at none, the field's hue at 45% strength at high: light enough for black text and for print. */
    static String colour(OutcomeKind kind, double mean) {
        int[] hue = kind.higherIsBetter() ? GOOD : COST;
        double t = 0.45 * Math.max(0, Math.min(1, mean / (Levels.GRADES.size() - 1)));
        StringBuilder s = new StringBuilder("#");
        for (int c : hue) {
            s.append(String.format(Locale.ROOT, "%02x", (int) Math.round(255 + (c - 255) * t)));
        }
        return s.toString();
    }

    private static String effects(Sweep.Result r) {
        StringBuilder h = new StringBuilder("<table class=\"effects\">\n<tr><th>factor</th><th>level against reference</th>"
                + "<th>raises</th><th>lowers</th><th>leaves</th></tr>\n");
        for (Sweep.Effect e : r.effects()) {
            h.append("<tr><td>").append(esc(e.factor())).append("</td><td>").append(esc(e.level())).append("</td><td>")
                    .append(e.raises()).append("</td><td>").append(e.lowers()).append("</td><td>").append(e.unchanged())
                    .append("</td></tr>\n");
        }
        return h.append("</table>\n").toString();
    }

    private static String ranked(Sweep.Result r) {
        StringBuilder h = new StringBuilder("<table class=\"ranked\">\n<tr><th>rank</th>");
        r.factors().forEach(f -> h.append("<th>").append(esc(f.label())).append("</th>"));
        for (OutcomeKind k : r.outcomes()) {
            h.append("<th>").append(esc(k.label())).append("</th>");
        }
        h.append("<th>target CD38</th></tr>\n");
        List<Sweep.Row> rows = r.rows();
        for (int i = 0; i < Math.min(rows.size(), MAX_ROWS); i++) {
            Sweep.Row row = rows.get(i);
            h.append("<tr><td>").append(i + 1).append("</td>");
            row.levels().forEach(l -> h.append("<td>").append(esc(l)).append("</td>"));
            for (OutcomeKind k : r.outcomes()) {
                String g = row.outcome().get(k.name());
                h.append("<td class=\"heat\" style=\"background:").append(colour(k, Levels.gradeRank(g))).append("\">")
                        .append(esc(g)).append("</td>");
            }
            StringBuilder cd38 = new StringBuilder();
            row.targetCd38().forEach((c, l) -> cd38.append(cd38.length() > 0 ? ", " : "").append(c).append(' ').append(l));
            h.append("<td>").append(esc(cd38.toString())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (rows.size() > MAX_ROWS) {
            h.append("<p class=\"muted\">").append(rows.size() - MAX_ROWS)
                    .append(" more combinations not shown; <code>--format csv</code> or <code>json</code> lists them all.</p>\n");
        }
        return h.toString();
    }
}
