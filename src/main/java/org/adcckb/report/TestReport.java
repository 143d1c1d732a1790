package org.adcckb.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adcckb.expect.Check;
import org.adcckb.expect.ExpectationChecker;

/** The result of {@code adcc test} as JSON: every check, and the counts (docs/JSON-OUTPUT.md, "test"). */
public final class TestReport {

    private TestReport() {
    }

    public static ObjectNode json(ExpectationChecker.Result result, String rulesFingerprint) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", JsonReport.FORMAT_VERSION);
        root.put("passed", result.passed());
        root.put("failed", result.failed());
        ArrayNode checks = root.putArray("checks");
        for (Check c : result.checks()) {
            ObjectNode n = checks.addObject();
            n.put("scenario", c.scenario());
            ArrayNode findings = n.putArray("findings");
            c.findings().forEach(findings::add);
            n.put("check", c.what());
            n.put("passed", c.passed());
            if (c.passed()) {
                n.putNull("got");
            } else {
                n.put("got", c.actual());
            }
        }
        root.put("rulesFingerprint", rulesFingerprint);
        return root;
    }
}
