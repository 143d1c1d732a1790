package org.adcckb.explain.graph;

import org.adcckb.explain.Node;
import org.adcckb.reasoning.Evaluation;

/**
 * PLACEHOLDER for the derivation-graph renderer another branch provides: one self-contained SVG that
 * lists the explanation's facts, each as a text element carrying its key in {@code data-key}. Drop this
 * file at merge in favour of the real one; the signature is the contract the explorer relies on.
 */
public final class GraphSvg {

    private GraphSvg() {
    }

    public static String render(Evaluation ev) {
        StringBuilder svg = new StringBuilder();
        int height = 20 * ev.explanation().nodes().size() + 20;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"").append(height)
                .append("\" viewBox=\"0 0 900 ").append(height).append("\" role=\"img\" aria-label=\"derivation graph\">");
        int y = 20;
        for (Node n : ev.explanation().nodes()) {
            svg.append("<text class=\"node\" data-key=\"").append(escape(n.key())).append("\" x=\"10\" y=\"").append(y)
                    .append("\" font-family=\"sans-serif\" font-size=\"12\">").append(escape(n.text())).append("</text>");
            y += 20;
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
