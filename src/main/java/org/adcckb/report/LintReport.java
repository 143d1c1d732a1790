package org.adcckb.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adcckb.lint.Linter;

/** What {@code adcc lint} found: one line per finding and a count, or JSON for editors and CI. */
public final class LintReport {

    private LintReport() {
    }

    /** Each finding on its line, then {@code N rules, N random scenarios: N errors, N warnings}. */
    public static String text(Linter.Report report) {
        StringBuilder out = new StringBuilder();
        report.findings().forEach(f -> out.append(f).append('\n'));
        out.append(report.rules()).append(" rules, ").append(report.sampled()).append(" random scenarios: ")
                .append(report.errors()).append(report.errors() == 1 ? " error, " : " errors, ")
                .append(report.warnings()).append(report.warnings() == 1 ? " warning" : " warnings").append('\n');
        return out.toString();
    }

    /** The counts and every finding with its severity, file, line, rule (null for a file-level finding) and check. */
    public static String json(Linter.Report report) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("rules", report.rules());
        root.put("sampled", report.sampled());
        root.put("errors", report.errors());
        root.put("warnings", report.warnings());
        ArrayNode findings = root.putArray("findings");
        for (Linter.Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("severity", f.severity());
            n.put("file", f.file());
            n.put("line", f.line());
            if (f.rule() != null) {
                n.put("rule", f.rule());
            } else {
                n.putNull("rule");
            }
            n.put("check", f.check());
            n.put("message", f.message());
        }
        return JsonReport.pretty(root) + "\n";
    }
}
