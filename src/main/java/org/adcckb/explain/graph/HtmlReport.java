package org.adcckb.explain.graph;

import org.adcckb.explain.TextReport;
import org.adcckb.reasoning.Evaluation;

/**
 * PLACEHOLDER for the HTML report another branch provides: a plain page with the text explanation and
 * the graph. Drop this file at merge in favour of the real one; the signature is the contract.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String explain(Evaluation ev, String rulesFingerprint) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + GraphSvg.escape(ev.scenario().id()) + "</title></head><body><h1>" + GraphSvg.escape(ev.scenario().id())
                + "</h1><pre>" + GraphSvg.escape(TextReport.render(ev)) + "</pre>" + GraphSvg.render(ev)
                + "<p>rules " + GraphSvg.escape(rulesFingerprint) + "</p></body></html>\n";
    }
}
