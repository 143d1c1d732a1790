package org.adcckb.report.graph;

import java.util.List;
import org.adcckb.facts.Levels;
import org.adcckb.kb.Evidence;

/**
 * One self-contained HTML document being written: the style sheet is inline and nothing is fetched when
 * the page is viewed; the only links are to the sources (doi.org, PubMed) and to anchors in the page.
 */
final class Page {

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #1f2328;
                   background: #ffffff; max-width: 1200px; margin: 0 auto; padding: 16px 24px; }
            h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; }
            h3 { font-size: 15px; margin: 16px 0 6px; }
            table { border-collapse: collapse; margin: 6px 0 12px; } th, td { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            .muted { color: #59636e; } .small { font-size: 12px; }
            .grade { display: inline-block; min-width: 5.5em; padding: 1px 6px; border-radius: 3px; border: 1px solid #d0d7de; }
            .g-none { background: #f6f8fa; } .g-low { background: #fff1c2; } .g-moderate { background: #ffd8a8; } .g-high { background: #ffb3a1; }
            figure.graph { margin: 8px 0; overflow-x: auto; border: 1px solid #d0d7de; padding: 4px; }
            figure.graph svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
            .legend span { display: inline-block; margin-right: 14px; }
            .swatch { display: inline-block; width: 12px; height: 12px; border: 2px solid; vertical-align: middle; margin-right: 4px; }
            article.conclusion { border-left: 3px solid #3b6ea8; padding: 2px 10px; margin: 10px 0; }
            article.conclusion .rule { margin: 4px 0 4px 12px; }
            .kind-gained, .kind-added { color: #1a7f37; } .kind-lost, .kind-removed { color: #c62828; } .kind-changed { color: #9a5b00; }
            .dir-increased { color: #1a7f37; } .dir-decreased { color: #c62828; }
            .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; } .sides > div { min-width: 0; }
            td.heat { text-align: center; min-width: 7em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            footer { margin-top: 32px; font-size: 12px; color: #59636e; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11pt; background: #ffffff; color: #000000; }
              a { color: #000000; }
              figure.graph { overflow: visible; border: none; break-inside: avoid; }
              figure.graph svg { width: 100%; max-width: 100%; height: auto; }
              .sides { grid-template-columns: 1fr; }
              article.conclusion, tr, .legend { break-inside: avoid; page-break-inside: avoid; }
              h2, h3 { break-after: avoid; page-break-after: avoid; }
              .grade, td.heat, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    private final StringBuilder out = new StringBuilder();

    Page(String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"adcc-kb\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    }

    Page raw(String html) {
        out.append(html);
        return this;
    }

    Page line(String html) {
        out.append(html).append('\n');
        return this;
    }

    String finish(String fingerprint) {
        out.append("<footer>Written by adcc-kb")
                .append(fingerprint == null ? "" : "; rules fingerprint <code>" + esc(fingerprint) + "</code>")
                .append(". Conclusions are qualitative and as good as the rules and sources they cite.</footer>\n");
        return out.append("</body>\n</html>\n").toString();
    }

    static String esc(String s) {
        return Text.xml(s == null ? "" : s);
    }

    /** A source as a link: doi.org for DOIs, PubMed for PMIDs, plain text for anything else. */
    static String source(String src) {
        String url = Evidence.link(src);
        if (url.startsWith("https://doi.org/") || url.startsWith("https://pubmed.ncbi.nlm.nih.gov/")) {
            return "<a href=\"" + esc(url) + "\">" + esc(src) + "</a>";
        }
        return esc(src);
    }

    static String sources(List<String> sources) {
        return String.join("; ", sources.stream().map(Page::source).toList());
    }

    /**
     * The works {@code rules} cite, one item each, sorted by citation: the citation as a link, then the full
     * reference from the bibliography (nothing more when the bibliography has no entry for it).
     */
    static String references(java.util.Collection<org.adcckb.kb.RuleInfo> rules) {
        java.util.Map<String, org.adcckb.kb.Reference> cited = new java.util.TreeMap<>();
        for (org.adcckb.kb.RuleInfo r : rules) {
            r.sources().forEach(src -> cited.putIfAbsent(src, r.reference(src).orElse(null)));
        }
        if (cited.isEmpty()) {
            return "<p>No rule cited a source.</p>\n";
        }
        StringBuilder h = new StringBuilder("<ul class=\"references\">\n");
        cited.forEach((src, ref) -> {
            h.append("<li data-source=\"").append(esc(src)).append("\">").append(source(src));
            if (ref != null) {
                h.append(" <span class=\"muted small\">[").append(esc(ref.id())).append("]</span><br>")
                        .append(esc(org.adcckb.report.Vancouver.format(ref)));
            }
            h.append("</li>\n");
        });
        return h.append("</ul>\n").toString();
    }

    static String grade(String level) {
        String cls = Levels.GRADES.contains(level) ? "g-" + level : "g-none";
        return "<span class=\"grade " + cls + "\">" + esc(level) + "</span>";
    }

    static String figure(String svg, String caption) {
        return "<figure class=\"graph\">\n" + svg + "<figcaption class=\"small muted\">" + esc(caption) + "</figcaption>\n</figure>\n";
    }

    static String legend(boolean changes) {
        StringBuilder s = new StringBuilder("<p class=\"legend small\">");
        s.append(swatch("#eef1f5", "#7b8794", "given (scenario or vocabulary)"));
        s.append(swatch("#ffffff", "#3b6ea8", "concluded"));
        s.append(swatch("#fff8e1", "#b38f00", "rule applied (hover: citation and rationale)"));
        s.append(swatch("#fde7e9", "#b3261e", "outcome"));
        if (changes) {
            s.append(swatch("#ffffff", "#1a7f37", "gained or added"));
            s.append(swatch("#ffffff", "#c62828", "lost or removed"));
            s.append(swatch("#ffffff", "#c77700", "changed"));
        }
        return s.append("</p>\n").toString();
    }

    private static String swatch(String fill, String stroke, String text) {
        return "<span><i class=\"swatch\" style=\"background:" + fill + ";border-color:" + stroke + "\"></i>" + esc(text) + "</span>";
    }
}
