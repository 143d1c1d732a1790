package org.adcckb.report.graph;

import static org.adcckb.report.graph.Graphs.ATRA_RULE;
import static org.adcckb.report.graph.Graphs.LEJEUNE_DOI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adcckb.reasoning.Evaluation;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG drawn in Java: well-formed, self-contained, one node per vertex with its key, laid out without overlaps. */
class GraphSvgTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    private final Evaluation ev = Graphs.lejeune("atra-nanobody-low-target");
    private final DerivationGraph g = DerivationGraph.of(ev);
    private final String svg = GraphSvg.render(ev);

    @Test
    void isOneWellFormedSvgElementWithItsSizeInTheViewBox() throws Exception {
        Document d = Graphs.xml(svg);
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        String[] box = root.getAttribute("viewBox").split(" ");
        assertThat(box).hasSize(4);
        assertThat(box[2]).isEqualTo(root.getAttribute("width"));
        assertThat(box[3]).isEqualTo(root.getAttribute("height"));
        assertThat(Double.parseDouble(box[2])).isPositive();
    }

    @Test
    void refersToNothingOutsideItselfAndDeclaresNoIds() {
        assertThat(svg).doesNotContain("href").doesNotContain("url(").doesNotContain("<image")
                .doesNotContain("<style").doesNotContain("<script").doesNotContain(" id=\"");
    }

    @Test
    void drawsEveryVertexOnceWithItsKey() throws Exception {
        List<Element> nodes = nodes(Graphs.xml(svg));
        assertThat(nodes).hasSize(g.vertices().size());
        List<String> keys = nodes.stream().map(n -> n.getAttribute("data-key")).toList();
        assertThat(keys).containsAll(g.vertices().stream().map(DerivationGraph.Vertex::key).toList())
                .contains("modulation:atra@mm", "exposure:atra@mm", "outcome:adcc", ATRA_RULE);
        NodeList paths = Graphs.xml(svg).getElementsByTagNameNS(SVG, "path");
        assertThat(paths.getLength()).isEqualTo(g.edges().size());
    }

    @Test
    void ruleNodesCarryTheirCitationAndRationaleInATooltip() throws Exception {
        Element atra = nodes(Graphs.xml(svg)).stream().filter(n -> n.getAttribute("data-key").equals(ATRA_RULE))
                .findFirst().orElseThrow();
        assertThat(atra.getAttribute("class")).contains("rule");
        assertThat(atra.getAttribute("data-concludes")).isEqualTo("modulation:atra@mm");
        String title = atra.getElementsByTagNameNS(SVG, "title").item(0).getTextContent();
        assertThat(title).contains(ATRA_RULE).contains(LEJEUNE_DOI).contains("evidence A")
                .contains("raised their surface CD38 about 3-fold");
    }

    @Test
    void outcomesAreHighlightedAndOnTheLastRow() throws Exception {
        List<Element> nodes = nodes(Graphs.xml(svg));
        Element adcc = nodes.stream().filter(n -> n.getAttribute("data-key").equals("outcome:adcc")).findFirst().orElseThrow();
        assertThat(adcc.getAttribute("class")).contains("outcome");
        Element rect = (Element) adcc.getElementsByTagNameNS(SVG, "rect").item(0);
        assertThat(Double.parseDouble(rect.getAttribute("stroke-width"))).isGreaterThan(2);
        assertThat(adcc.getTextContent()).contains("ADCC: moderate");
        double lowest = nodes.stream().filter(n -> !n.getAttribute("class").contains("outcome"))
                .mapToDouble(n -> top(n)).max().orElseThrow();
        assertThat(top(adcc)).isGreaterThan(lowest);
    }

    @Test
    void rulesSitBelowTheirPremisesAndAboveTheirConclusion() throws Exception {
        Map<String, Double> y = new HashMap<>();
        for (Element n : nodes(Graphs.xml(svg))) {
            String k = n.getAttribute("data-key");
            y.put(n.getAttribute("class").contains("rule") ? "rule:" + n.getAttribute("data-concludes") : k, top(n));
        }
        for (DerivationGraph.Rule r : g.rules()) {
            double ry = y.get("rule:" + r.conclusion());
            assertThat(ry).as("rule %s above %s", r.rule().name(), r.conclusion()).isLessThan(y.get(r.conclusion()));
            for (String p : r.premises()) {
                if (y.containsKey(p)) {
                    assertThat(y.get(p)).as("premise %s above rule %s", p, r.rule().name()).isLessThan(ry);
                }
            }
        }
    }

    @Test
    void noTwoNodesOverlap() throws Exception {
        List<double[]> boxes = new ArrayList<>();
        for (Element n : nodes(Graphs.xml(svg))) {
            Element r = (Element) n.getElementsByTagNameNS(SVG, "rect").item(0);
            boxes.add(new double[] {d(r, "x"), d(r, "y"), d(r, "x") + d(r, "width"), d(r, "y") + d(r, "height")});
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                boolean apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
                assertThat(apart).as("nodes %d and %d overlap", i, j).isTrue();
            }
        }
    }

    @Test
    void longTextIsWrappedAndCutToFitItsBox() {
        assertThat(Text.wrap("one two three four five six seven", 9, 2)).containsExactly("one two", "three\u2026")
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(9));
        assertThat(Text.wrap("supercalifragilistic", 8, 3)).containsExactly("supercal", "ifragili", "stic");
        assertThat(Text.wrap("", 8, 3)).containsExactly("");
    }

    @Test
    void hostileTextIsEscapedIntoWellFormedXml() throws Exception {
        String s = GraphSvg.render(Graphs.hostile(), Map.of("x:a-->b", "gained"));
        Document d = Graphs.xml(s);
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
        assertThat(nodes(d)).extracting(n -> n.getAttribute("data-key")).contains("cell:\"a\"", "x:a-->b");
        Element marked = nodes(d).stream().filter(n -> "x:a-->b".equals(n.getAttribute("data-key"))).findFirst().orElseThrow();
        assertThat(marked.getAttribute("data-change")).isEqualTo("gained");
        assertThat(marked.getAttribute("class")).contains("changed");
    }

    private static List<Element> nodes(Document d) {
        List<Element> out = new ArrayList<>();
        NodeList gs = d.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element e = (Element) gs.item(i);
            if ((" " + e.getAttribute("class") + " ").contains(" node ")) {
                out.add(e);
            }
        }
        return out;
    }

    private static double top(Element node) {
        return d((Element) node.getElementsByTagNameNS(SVG, "rect").item(0), "y");
    }

    private static double d(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }
}
