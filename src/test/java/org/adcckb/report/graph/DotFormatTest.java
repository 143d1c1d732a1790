package org.adcckb.report.graph;

import static org.adcckb.report.graph.Graphs.ATRA_RULE;
import static org.adcckb.report.graph.Graphs.LEJEUNE_DOI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.reasoning.Evaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The DOT output as Graphviz reads it: rendered by {@code dot -Tsvg}, and the drawing checked node by node. */
class DotFormatTest {

    private static final Path DOT = Path.of("/usr/bin/dot");
    private static final String SVG = "http://www.w3.org/2000/svg";

    @BeforeAll
    static void graphvizIsThere() {
        if (!Files.isExecutable(DOT)) {
            fail(DOT + " is missing: install the Debian package graphviz (.ci/run does)");
        }
    }

    static Stream<Path> shipped() throws IOException {
        return GraphModelTest.shipped();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void graphvizDrawsEveryNodeAndEdgeOfEveryShippedScenario(Path file) throws Exception {
        Evaluation ev = TestKb.reasoner().evaluate(TestKb.api().read(file));
        DerivationGraph g = DerivationGraph.of(ev);
        Document svg = Graphs.xml(render(Dot.render(ev)), true);
        assertThat(titles(svg, "node")).containsExactlyInAnyOrderElementsOf(g.vertices().stream().map(DerivationGraph.Vertex::id).toList());
        assertThat(titles(svg, "edge")).containsExactlyInAnyOrderElementsOf(
                g.edges().stream().map(e -> e.from() + "->" + e.to()).toList());
    }

    @Test
    void theLejeuneRuleNodeShowsItsCitationAndTheOutcomeIsHighlighted() throws Exception {
        Evaluation ev = Graphs.lejeune("atra-nanobody-low-target");
        DerivationGraph g = DerivationGraph.of(ev);
        String dot = Dot.render(ev);
        Document svg = Graphs.xml(render(dot), true);
        DerivationGraph.Rule atra = g.rules().stream().filter(r -> r.rule().name().equals(ATRA_RULE)).findFirst().orElseThrow();
        Element node = node(svg, atra.id());
        assertThat(node.getTextContent()).contains("ATRA raises CD38 on myeloma cells").contains("evidence A").contains(LEJEUNE_DOI);
        Element adcc = node(svg, g.outcomes().get(0).id());
        assertThat(adcc.getTextContent()).contains("ADCC: moderate");
        Element shape = (Element) adcc.getElementsByTagNameNS(SVG, "polygon").item(0);
        assertThat(shape.getAttribute("stroke")).isEqualTo("#b3261e");
        assertThat(shape.getAttribute("stroke-width")).isEqualTo("3");
        assertThat(dot).contains(atra.id() + " -> " + DerivationGraph.id("f", "modulation:atra@mm")
                + " [label=\"" + atra.rule().file() + ":" + atra.rule().line() + "\"]");
    }

    @Test
    void hostileTextIsEscapedSoGraphvizKeepsItVerbatim() throws Exception {
        DerivationGraph g = Graphs.hostile();
        Document svg = Graphs.xml(render(Dot.render(g)), true);
        assertThat(titles(svg, "node")).hasSize(4);
        assertThat(titles(svg, "edge")).hasSize(3);
        String text = node(svg, g.facts().get(0).id()).getTextContent();
        assertThat(text).contains("\"quoted\"").contains("\\ back<slash>").contains("{brace}").contains("\u00d7");
        assertThat(node(svg, g.rules().get(0).id()).getTextContent()).contains("Rule \"weird\" <b>&</b>");
    }

    private static String render(String dot) throws Exception {
        Process p = new ProcessBuilder(DOT.toString(), "-Tsvg").redirectErrorStream(false).start();
        p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("dot -Tsvg failed: %s%n%s", err, dot).isZero();
        assertThat(err).as("dot warnings").isEmpty();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<String> titles(Document svg, String cls) {
        List<String> out = new ArrayList<>();
        NodeList gs = svg.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element e = (Element) gs.item(i);
            if (e.getAttribute("class").equals(cls)) {
                out.add(e.getElementsByTagNameNS(SVG, "title").item(0).getTextContent());
            }
        }
        return out;
    }

    private static Element node(Document svg, String id) {
        NodeList gs = svg.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element e = (Element) gs.item(i);
            if (e.getAttribute("class").equals("node")
                    && e.getElementsByTagNameNS(SVG, "title").item(0).getTextContent().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no node " + id);
    }
}
