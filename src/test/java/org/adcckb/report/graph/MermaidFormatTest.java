package org.adcckb.report.graph;

import static org.adcckb.report.graph.Graphs.ATRA_RULE;
import static org.adcckb.report.graph.Graphs.LEJEUNE_DOI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.adcckb.TestKb;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Mermaid output as Mermaid reads it: mermaid.min.js (the WebJar) parses and renders it in headless
 * Chromium, and the drawing is checked for every node and edge.
 */
class MermaidFormatTest {

    private static HeadlessChromium browser;

    @BeforeAll
    static void openMermaidInTheBrowser() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/mermaid/pom.properties")) {
            pom.load(in);
        }
        String js;
        try (InputStream in = resource("META-INF/resources/webjars/mermaid/" + pom.getProperty("version") + "/dist/mermaid.min.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser = new HeadlessChromium();
        browser.page("mermaid.min.js", js);
        String page = browser.page("mermaid.html", """
                <!DOCTYPE html><html><head><meta charset="utf-8"><script src="mermaid.min.js"></script></head>
                <body><div id="out"></div><script>
                mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
                let counter = 0;
                window.check = async function (text) {
                  try {
                    await mermaid.parse(text);
                    const { svg } = await mermaid.render('graph' + (counter++), text);
                    const out = document.getElementById('out');
                    out.innerHTML = svg;
                    const nodes = [...out.querySelectorAll('g.node')].map(n => n.id);
                    const edges = out.querySelectorAll('path.flowchart-link').length;
                    const labels = [...out.querySelectorAll('g.node')].map(n => n.textContent);
                    const edgeLabels = [...out.querySelectorAll('g.edgeLabel')].map(n => n.textContent).filter(t => t.length > 0);
                    return { ok: true, nodes, edges, labels, edgeLabels };
                  } catch (e) {
                    return { ok: false, error: String(e && e.message || e) };
                  }
                };
                </script></body></html>
                """);
        browser.driver.get(page);
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MermaidFormatTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as("%s on the test class path (the org.webjars.npm:mermaid test dependency)", name).isNotNull();
        return in;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(String text) {
        Object r = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; window.check(arguments[0]).then(done);", text);
        return (Map<String, Object>) r;
    }

    private static Map<String, Object> rendered(String text) {
        Map<String, Object> r = check(text);
        assertThat(r.get("ok")).as("mermaid rejected:%n%s%n%s", r.get("error"), text).isEqualTo(true);
        return r;
    }

    @Test
    void theCheckRejectsWhatMermaidCannotRead() {
        Map<String, Object> r = check("flowchart TB\n  a[\"unclosed] --> b\n");
        assertThat(r.get("ok")).isEqualTo(false);
        assertThat(check("flowchart TB\n  a --> \n").get("ok")).isEqualTo(false);
    }

    static Stream<Path> shipped() throws IOException {
        return GraphModelTest.shipped();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void mermaidRendersEveryNodeAndEdgeOfEveryShippedScenario(Path file) {
        Evaluation ev = TestKb.reasoner().evaluate(TestKb.api().read(file));
        DerivationGraph g = DerivationGraph.of(ev);
        Map<String, Object> r = rendered(Mermaid.render(ev));
        List<String> nodes = (List<String>) r.get("nodes");
        assertThat(nodes).hasSize(g.vertices().size());
        for (DerivationGraph.Vertex v : g.vertices()) {
            assertThat(nodes).as("a drawn node for %s", v.id()).anyMatch(id -> id.contains("-" + v.id() + "-"));
        }
        assertThat(((Number) r.get("edges")).intValue()).isEqualTo(g.edges().size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLejeuneRuleNodeShowsItsCitationAndEdgesTheirRule() {
        Evaluation ev = Graphs.lejeune("atra-nanobody-low-target");
        DerivationGraph g = DerivationGraph.of(ev);
        Map<String, Object> r = rendered(Mermaid.render(ev));
        List<String> labels = (List<String>) r.get("labels");
        assertThat(labels).anyMatch(l -> l.contains("ATRA raises CD38 on myeloma cells") && l.contains(LEJEUNE_DOI)
                && l.contains("evidence A"));
        assertThat(labels).contains("ADCC: moderate");
        DerivationGraph.Rule atra = g.rules().stream().filter(x -> x.rule().name().equals(ATRA_RULE)).findFirst().orElseThrow();
        assertThat((List<String>) r.get("edgeLabels")).contains(atra.rule().file() + ":" + atra.rule().line());
        assertThat(Mermaid.render(ev)).contains("class " + g.outcomes().get(0).id()).contains("classDef outcome");
    }

    @Test
    @SuppressWarnings("unchecked")
    void hostileTextRendersVerbatim() {
        DerivationGraph g = Graphs.hostile();
        Map<String, Object> r = rendered(Mermaid.render(g));
        assertThat((List<String>) r.get("nodes")).hasSize(4);
        assertThat(((Number) r.get("edges")).intValue()).isEqualTo(3);
        List<String> labels = (List<String>) r.get("labels");
        assertThat(labels).anyMatch(l -> l.contains("\"quoted\"") && l.contains("back<slash>") && l.contains("{brace}")
                && l.contains("%% not a comment") && l.contains("\u00d7"));
        assertThat(labels).anyMatch(l -> l.contains("Rule \"weird\" <b>&</b> --> end"));
    }
}
