package org.adcckb.report.graph;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.adcckb.TestKb;
import org.adcckb.kb.RuleInfo;
import org.adcckb.reasoning.Evaluation;
import org.w3c.dom.Document;

/** Evaluations and graphs the graph tests share. */
final class Graphs {

    static final String LEJEUNE_DOI = "doi:10.3390/cancers13123072";
    static final String ATRA_RULE = "ATRA raises CD38 on myeloma cells about 3-fold";

    private Graphs() {
    }

    static Evaluation lejeune(String name) {
        return TestKb.reasoner().evaluate(TestKb.lejeune(name));
    }

    /**
     * A graph whose texts hold everything a writer must escape: quotes, backslashes, angle brackets,
     * ampersands, line breaks, DOT and Mermaid syntax, a comment opener, non-ASCII.
     */
    static DerivationGraph hostile() {
        String nasty = "a \"quoted\" \\ back<slash> & {brace} [x] |pipe| ; %% not a comment\n--> end\ttab # \u00d7 \u03b1";
        RuleInfo rule = new RuleInfo("Rule \"weird\" <b>&</b> --> end", "x.drl", 3, List.of("doi:10.1000/x\"y", "PMID:123"),
                "B", "inferred \\n \"q\"", "rationale <script>alert(1)</script>");
        var in = new DerivationGraph.Fact(DerivationGraph.id("f", "cell:\"a\""), "cell:\"a\"", "Cell", true, nasty);
        var out = new DerivationGraph.Fact(DerivationGraph.id("f", "x:a-->b"), "x:a-->b", "X", false, nasty + " end");
        var r = new DerivationGraph.Rule(DerivationGraph.id("r", "x:a-->b#0"), rule, out.key(), List.of(in.key()));
        var o = new DerivationGraph.Outcome(DerivationGraph.id("res", "adcc"), "adcc", "ADCC", "high", List.of(out.key()));
        return new DerivationGraph("s\"c<e>n", List.of(in, out), List.of(r), List.of(o), List.of(
                new DerivationGraph.Edge(in.id(), r.id(), ""), new DerivationGraph.Edge(out.id(), o.id(), ""),
                new DerivationGraph.Edge(r.id(), out.id(), "x.drl:3 \"l\"")));
    }

    /** Parses XML that has no DOCTYPE (what adcc-kb writes must not need one). */
    static Document xml(String s) throws Exception {
        return xml(s, false);
    }

    /** Graphviz's SVG names the SVG 1.1 DTD: it is allowed but never fetched. */
    static Document xml(String s, boolean doctype) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", !doctype);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }
}
