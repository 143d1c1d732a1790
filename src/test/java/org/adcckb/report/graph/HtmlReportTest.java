package org.adcckb.report.graph;

import static org.adcckb.report.graph.Graphs.ATRA_RULE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcckb.TestKb;
import org.adcckb.facts.Levels;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.whatif.Factor;
import org.adcckb.whatif.Sweep;
import org.adcckb.whatif.WhatIf;
import org.adcckb.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML reports: self-contained, with the graph, the rationale and the citations, and readable in a browser and on paper. */
class HtmlReportTest {

    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?i)\\b(href|src|srcset|action|poster|data)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern SVG_ELEMENT = Pattern.compile("(?s)<svg .*?</svg>");

    private static HeadlessChromium browser;

    private final Evaluation ev = Graphs.lejeune("atra-nanobody-low-target");
    private final String html = HtmlReport.explain(ev, "fingerprint-1");

    @BeforeAll
    static void open() throws IOException {
        browser = new HeadlessChromium();
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void explainShowsOutcomeCellsGraphRationaleAndRulesWithTheirSources() throws Exception {
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("Scenario lejeune2021-atra-nanobody-low-target")
                .contains("<span class=\"grade g-moderate\">moderate</span>")
                .contains("<td>mm</td><td>myeloma</td>").contains("low \u2192 medium (\u00d73.00)")
                .contains("<a href=\"https://doi.org/10.3390/cancers13123072\">doi:10.3390/cancers13123072</a>")
                .contains(ATRA_RULE).contains("Adding ATRA to myeloma cells raised their surface CD38 about 3-fold")
                .contains("own arithmetic: the potential plus its modifiers")
                .contains("fingerprint-1");
        List<String> svgs = svgs(html);
        assertThat(svgs).singleElement().isEqualTo(GraphSvg.render(ev).strip());
        Graphs.xml(svgs.get(0));
    }

    @Test
    void explainIsSelfContained() {
        assertSelfContained(html);
    }

    @Test
    void pmidSourcesLinkToPubmed() {
        Evaluation f158 = TestKb.evaluate(TestKb.scenario("f").myeloma("mm", "high").nk("nk", "high", "158F").treat("daratumumab"));
        String page = HtmlReport.explain(f158, "fp");
        assertThat(page).contains("<a href=\"https://pubmed.ncbi.nlm.nih.gov/9242542/\">PMID:9242542</a>");
        assertSelfContained(page);
    }

    @Test
    void textFromTheScenarioIsEscaped() throws Exception {
        String nasty = "<script>alert(1)</script> & \"q\" <img src=x>";
        Scenario s = new Scenario("hostile", nasty, "in_vitro", null,
                List.of(new org.adcckb.facts.Cell("mm", "myeloma", "low", "none", false, nasty),
                        new org.adcckb.facts.Cell("nk", "nk", "high", "158V", false, nasty)),
                List.of(new org.adcckb.scenario.Treatment("daratumumab", null)), null, "test:hostile");
        Evaluation e = TestKb.reasoner().evaluate(s);
        String page = HtmlReport.explain(e, nasty);
        assertSelfContained(page);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &lt;img src=x&gt;");
        for (String svg : svgs(page)) {
            Graphs.xml(svg);
        }
    }

    @Test
    void everyInternalLinkHasItsTarget() {
        Matcher m = URL_ATTRIBUTE.matcher(html);
        int internal = 0;
        while (m.find()) {
            if (m.group(2).startsWith("#")) {
                internal++;
                assertThat(html).contains("id=\"" + m.group(2).substring(1) + "\"");
            }
        }
        assertThat(internal).isPositive();
    }

    @Test
    void printsWithoutDarkBackgroundsWithTheGraphAtPageWidthAndConclusionsKeptWhole() {
        String css = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        String print = css.substring(css.indexOf("@media print"));
        assertThat(print).contains("figure.graph svg { width: 100%").contains("article.conclusion")
                .contains("break-inside: avoid").contains("background: #ffffff");
        Matcher colours = Pattern.compile("background(?:-color)?:\\s*#([0-9a-fA-F]{6})").matcher(html);
        int n = 0;
        while (colours.find()) {
            n++;
            assertThat(luminance(colours.group(1))).as("background #%s is light", colours.group(1)).isGreaterThan(0.6);
        }
        assertThat(n).isPositive();
    }

    @Test
    void theBrowserDrawsTheGraphFetchesNothingAndFitsItToThePrintedPage() throws Exception {
        browser.driver.get(browser.page("explain.html", html));
        Object nodes = browser.driver.executeScript("return document.querySelectorAll('figure.graph svg g.node').length;");
        assertThat(((Number) nodes).intValue()).isEqualTo(DerivationGraph.of(ev).vertices().size());
        Object fetched = browser.driver.executeScript("return performance.getEntriesByType('resource').length;");
        assertThat(((Number) fetched).intValue()).as("resources fetched by the page").isZero();
        Object drawn = browser.driver.executeScript(
                "const b = document.querySelector('figure.graph svg').getBoundingClientRect(); return b.width * b.height;");
        assertThat(((Number) drawn).doubleValue()).isPositive();
        Object overflowing = browser.driver.executeScript("return [...document.querySelectorAll('figure.graph svg g.node')]"
                + ".filter(g => { const r = g.querySelector('rect').getBBox(); const t = g.querySelector('text').getBBox();"
                + " return t.x < r.x || t.x + t.width > r.x + r.width || t.y < r.y || t.y + t.height > r.y + r.height; })"
                + ".map(g => g.getAttribute('data-key'));");
        assertThat((List<?>) overflowing).as("nodes whose text spills out of their box").isEmpty();
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            Object fits = browser.driver.executeScript("const s = document.querySelector('figure.graph svg').getBoundingClientRect();"
                    + " return s.width <= document.body.clientWidth + 1 && s.width >= document.body.clientWidth * 0.9;");
            assertThat(fits).as("graph scaled to the page width in print").isEqualTo(true);
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void whatIfShowsBothGraphsWithTheMovedNodesMarked() throws Exception {
        Scenario s = TestKb.lejeune("low-target-dara");
        WhatIf w = TestKb.api().whatIf(s, List.of(Edit.add("atra@mm")));
        String page = HtmlReport.whatIf(w, "fp");
        assertSelfContained(page);
        assertThat(page).contains("What if: add atra@mm").contains("<tr data-path=\"outcome.adcc\">")
                .contains("class=\"dir-increased\">increased</td>").contains("class=\"kind-gained\">gained</td>");
        List<String> svgs = svgs(page);
        assertThat(svgs).hasSize(2);
        Document before = Graphs.xml(svgs.get(0));
        Document after = Graphs.xml(svgs.get(1));
        assertThat(marked(after)).containsEntry("modulation:atra@mm", "gained").containsEntry("exposure:atra@mm", "added")
                .containsEntry("outcome:adcc", "changed").containsEntry("surface:mm", "changed");
        assertThat(marked(before)).containsEntry("outcome:adcc", "changed").containsEntry("surface:mm", "changed")
                .doesNotContainKey("modulation:atra@mm");
        for (var c : w.conclusions()) {
            if (c.after() != null) {
                assertThat(marked(after)).as("variant marks %s", c.key()).containsEntry(c.key(), c.kind());
            }
            if (c.before() != null) {
                assertThat(marked(before)).as("baseline marks %s", c.key()).containsEntry(c.key(), c.kind());
            }
        }
    }

    @Test
    void sweepHasTheRankedTableAndAHeatmapOfFactorsAgainstOutcome() {
        Scenario s = TestKb.lejeune("low-target-dara");
        List<Factor> factors = new ArrayList<>(Factor.parse("atra@mm,cd38_nanobody@nk", s, TestKb.kb().vocabulary()));
        Sweep.Result r = TestKb.api().sweep(s, factors, 2, null);
        String page = HtmlReport.sweep(r, "fp");
        assertSelfContained(page);
        Matcher heat = Pattern.compile("<td class=\"heat\" data-field=\"(\\w+)\" data-mean=\"([0-9.]+)\"").matcher(page);
        List<String[]> cells = new ArrayList<>();
        while (heat.find()) {
            cells.add(new String[] {heat.group(1), heat.group(2)});
        }
        assertThat(cells).hasSize(2 * 2 * 3);
        // atra@mm present: the mean ADCC grade over the combinations that have it.
        double sum = 0;
        int n = 0;
        for (Sweep.Row row : r.rows()) {
            if (row.levels().get(0).equals("present")) {
                sum += Levels.gradeRank(row.outcome().get("adcc"));
                n++;
            }
        }
        assertThat(cells.get(3)).containsExactly("adcc", String.format(java.util.Locale.ROOT, "%.2f", sum / n));
        assertThat(page).contains("<table class=\"ranked\">").contains("<td>1</td>");
        assertThat(page.split("<tr><td>\\d+</td>", -1)).hasSize(r.rows().size() + 1);
    }

    static void assertSelfContained(String page) {
        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<object")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@font-face");
        Matcher m = URL_ATTRIBUTE.matcher(page);
        while (m.find()) {
            assertThat(m.group(1).toLowerCase(java.util.Locale.ROOT)).as("attribute %s", m.group()).isEqualTo("href");
            assertThat(m.group(2)).as("link").matches("#[A-Za-z0-9_]+|https://doi\\.org/10\\.[^\\s<>]+|https://pubmed\\.ncbi\\.nlm\\.nih\\.gov/\\d+/");
        }
    }

    private static List<String> svgs(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = SVG_ELEMENT.matcher(page);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, String> marked(Document svg) {
        Map<String, String> out = new java.util.TreeMap<>();
        NodeList gs = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element e = (Element) gs.item(i);
            if (e.hasAttribute("data-change")) {
                out.put(e.getAttribute("data-key"), e.getAttribute("data-change"));
            }
        }
        return out;
    }

    private static double luminance(String hex) {
        int v = Integer.parseInt(hex, 16);
        return (0.2126 * (v >> 16 & 255) + 0.7152 * (v >> 8 & 255) + 0.0722 * (v & 255)) / 255;
    }
}
