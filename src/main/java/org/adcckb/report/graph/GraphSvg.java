package org.adcckb.report.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.adcckb.reasoning.Evaluation;

/**
 * The derivation DAG as one self-contained SVG element, laid out here (see {@link Layout}) rather than by
 * a tool, so a page can show it with nothing installed: styles are attributes, arrowheads are drawn
 * shapes rather than markers (two graphs on one page share no ids), each node carries {@code data-key}
 * (its fact key, rule name or {@code outcome:FIELD}) and a {@code <title>} tooltip.
 */
public final class GraphSvg {

    static final double FACT_WIDTH = 200;
    static final double RULE_WIDTH = 190;
    static final double OUTCOME_WIDTH = 150;
    static final double LINE = 13;
    static final double PAD = 6;
    /** About how many characters of the 10.5 px sans-serif fit a node; generous, so text never overflows its box. */
    static final int FACT_CHARS = 32;
    static final int RULE_CHARS = 30;

    private static final String EDGE = "#8a94a6";
    private static final Map<String, String> MARK_COLOURS = Map.of(
            "gained", "#1a7f37", "added", "#1a7f37", "lost", "#c62828", "removed", "#c62828", "changed", "#c77700");

    private GraphSvg() {
    }

    public static String render(Evaluation ev) {
        return render(DerivationGraph.of(ev), Map.of());
    }

    /**
     * @param marks key (fact key or {@code outcome:FIELD}) to how it changed: {@code gained}, {@code lost},
     *              {@code changed}, {@code added} or {@code removed}; the node gets a coloured border and
     *              {@code data-change}
     */
    public static String render(DerivationGraph g, Map<String, String> marks) {
        Map<String, List<String>> labels = new HashMap<>();
        List<Layout.Box> boxes = new ArrayList<>();
        for (DerivationGraph.Vertex v : g.vertices()) {
            List<String> lines = lines(v);
            labels.put(v.id(), lines);
            boxes.add(new Layout.Box(v.id(), width(v), lines.size() * LINE + 2 * PAD));
        }
        List<String[]> edges = g.edges().stream().map(e -> new String[] {e.from(), e.to()}).toList();
        Set<String> outcomes = new HashSet<>();
        g.outcomes().forEach(o -> outcomes.add(o.id()));
        Layout.Result layout = Layout.of(boxes, edges, outcomes);

        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(n(layout.width())).append(' ')
                .append(n(layout.height())).append("\" width=\"").append(n(layout.width())).append("\" height=\"")
                .append(n(layout.height())).append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"10.5\"")
                .append(" role=\"img\" data-scenario=\"").append(Text.xml(g.scenario())).append("\">\n");
        s.append("<title>").append(Text.xml("How " + g.scenario() + " was derived")).append("</title>\n");
        s.append("<g class=\"edges\" fill=\"none\">\n");
        for (Layout.Route r : layout.routes()) {
            edge(s, r, outcomes.contains(r.to()));
        }
        s.append("</g>\n<g class=\"nodes\">\n");
        for (DerivationGraph.Vertex v : g.vertices()) {
            node(s, v, layout.places().get(v.id()), labels.get(v.id()), marks.get(v.key()));
        }
        s.append("</g>\n</svg>\n");
        return s.toString();
    }

    private static double width(DerivationGraph.Vertex v) {
        if (v instanceof DerivationGraph.Fact) {
            return FACT_WIDTH;
        }
        return v instanceof DerivationGraph.Rule ? RULE_WIDTH : OUTCOME_WIDTH;
    }

    private static List<String> lines(DerivationGraph.Vertex v) {
        if (v instanceof DerivationGraph.Fact f) {
            return Text.wrap(f.text(), FACT_CHARS, 3);
        }
        if (v instanceof DerivationGraph.Rule r) {
            List<String> l = new ArrayList<>(Text.wrap(r.rule().name(), RULE_CHARS, 2));
            String first = r.rule().sources().isEmpty() ? "" : r.rule().sources().get(0)
                + (r.rule().sources().size() > 1 ? " +" + (r.rule().sources().size() - 1) : "");
            l.add(Text.truncate("evidence " + r.rule().evidence() + " \u00b7 " + first, RULE_CHARS + 4));
            return l;
        }
        return List.of(((DerivationGraph.Outcome) v).label());
    }

    private static void edge(StringBuilder s, Layout.Route r, boolean intoOutcome) {
        List<double[]> p = r.points();
        double[] end = p.get(p.size() - 1);
        double[] before = p.get(p.size() - 2);
        double dir = Math.signum(end[1] - before[1]);
        if (dir == 0) {
            dir = 1;
        }
        double arrow = 7;
        double[] tip = {end[0], end[1]};
        List<double[]> pts = new ArrayList<>(p);
        pts.set(pts.size() - 1, new double[] {end[0], end[1] - dir * arrow});
        String colour = intoOutcome ? "#b3261e" : EDGE;
        StringBuilder d = new StringBuilder("M").append(n(pts.get(0)[0])).append(',').append(n(pts.get(0)[1]));
        for (int i = 1; i < pts.size(); i++) {
            double[] a = pts.get(i - 1);
            double[] b = pts.get(i);
            double dy = (b[1] - a[1]) / 2;
            d.append(" C").append(n(a[0])).append(',').append(n(a[1] + dy)).append(' ')
                .append(n(b[0])).append(',').append(n(b[1] - dy)).append(' ')
                .append(n(b[0])).append(',').append(n(b[1]));
        }
        s.append("<path class=\"edge\" d=\"").append(d).append("\" stroke=\"").append(colour)
            .append("\" stroke-width=\"1.2\"/>\n");
        s.append("<polygon class=\"arrow\" points=\"").append(n(tip[0])).append(',').append(n(tip[1])).append(' ')
            .append(n(tip[0] - 4)).append(',').append(n(tip[1] - dir * arrow)).append(' ')
            .append(n(tip[0] + 4)).append(',').append(n(tip[1] - dir * arrow)).append("\" fill=\"").append(colour)
            .append("\"/>\n");
    }

    private static void node(StringBuilder s, DerivationGraph.Vertex v, Layout.Place p, List<String> lines, String mark) {
        String cls;
        String fill;
        String stroke;
        double strokeWidth = 1.2;
        double rx = 3;
        String weight = "normal";
        String title;
        if (v instanceof DerivationGraph.Fact f) {
            cls = f.input() ? "node fact input" : "node fact derived";
            fill = f.input() ? "#eef1f5" : "#ffffff";
            stroke = f.input() ? "#7b8794" : "#3b6ea8";
            // The tooltip is for readers: the fact in words (its key stays in data-key for scripts).
            title = f.text();
        } else if (v instanceof DerivationGraph.Rule r) {
            cls = "node rule";
            fill = "#fff8e1";
            stroke = "#b38f00";
            rx = 12;
            title = "rule \"" + r.rule().name() + "\" (" + r.rule().file() + ":" + r.rule().line() + ")\n"
                    + r.citation() + "\n" + r.rule().rationale()
                    + (r.rule().isInferred() ? "\ninferred: " + r.rule().inferred() : "");
        } else {
            DerivationGraph.Outcome o = (DerivationGraph.Outcome) v;
            cls = "node outcome";
            fill = "#fde7e9";
            stroke = "#b3261e";
            strokeWidth = 2.5;
            weight = "bold";
            title = o.label();
        }
        String dash = "";
        if (mark != null) {
            stroke = MARK_COLOURS.getOrDefault(mark, stroke);
            strokeWidth = 3;
            cls += " changed " + mark;
            if ("lost".equals(mark) || "removed".equals(mark)) {
                dash = " stroke-dasharray=\"5,3\"";
            }
        }
        double x = p.x() - p.width() / 2;
        double y = p.y() - p.height() / 2;
        s.append("<g class=\"").append(cls).append("\" data-key=\"").append(Text.xml(v.key())).append('"');
        if (v instanceof DerivationGraph.Rule r) {
            s.append(" data-concludes=\"").append(Text.xml(r.conclusion())).append('"');
        }
        if (mark != null) {
            s.append(" data-change=\"").append(Text.xml(mark)).append('"');
        }
        s.append(">\n<title>").append(Text.xml(title)).append("</title>\n");
        s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(p.width()))
                .append("\" height=\"").append(n(p.height())).append("\" rx=\"").append(n(rx)).append("\" fill=\"")
                .append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth))
                .append('"').append(dash).append("/>\n");
        s.append("<text text-anchor=\"middle\" fill=\"#1f2328\" font-weight=\"").append(weight).append("\">");
        for (int i = 0; i < lines.size(); i++) {
            boolean small = v instanceof DerivationGraph.Rule && i == lines.size() - 1;
            s.append("<tspan x=\"").append(n(p.x())).append("\" y=\"").append(n(y + PAD + LINE * (i + 1) - 3)).append('"');
            if (small) {
                s.append(" font-size=\"9\" fill=\"#6b5900\"");
            }
            s.append('>').append(Text.xml(lines.get(i))).append("</tspan>");
        }
        s.append("</text>\n</g>\n");
    }

    /** Coordinates with at most one decimal and no trailing zero, the same on every platform. */
    static String n(double v) {
        double r = Math.round(v * 10.0) / 10.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return String.format(Locale.ROOT, "%.1f", r);
    }
}
