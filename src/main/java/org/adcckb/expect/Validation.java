package org.adcckb.expect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.adcckb.kb.Evidence;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Scenario;

/**
 * The validation report ({@code ./adcc validate}, docs/VALIDATION.md): every check of the scenarios'
 * {@code expect} blocks, grouped by the finding they encode, as one Markdown table. A finding passes
 * when every check of every scenario that encodes it holds; the checks of a scenario that names no
 * finding form a row of their own.
 *
 * <p>The report depends only on the rules and the scenarios (and on where the report lies relative to
 * the scenario files, for the links): no dates, no timings, no absolute paths, so the same knowledge
 * gives the same bytes.
 */
public final class Validation {

    /** How the report is regenerated, written into its header. */
    public static final String COMMAND = "./adcc validate";

    /**
     * One row: a finding and the scenarios that encode it, or a scenario without findings.
     *
     * @param finding   the finding id, or null for the row of a scenario that names no finding
     * @param scenarios the scenarios whose checks the row holds, by id
     * @param checks    their checks, scenario by scenario in the checker's order
     */
    public record Row(String finding, List<Scenario> scenarios, List<Check> checks) {

        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }

        /** The finding id, or the scenario id for a scenario without findings. */
        public String label() {
            return finding != null ? finding : scenarios.get(0).id();
        }

        /**
         * The finding's provenance tag as far as its scenarios tell: each scenario declares the weakest
         * tag of the findings it encodes, so the finding is at least as strong as the strongest of them.
         * Empty when none declares one.
         */
        public Optional<String> evidence() {
            List<String> tags = scenarios.stream().map(s -> s.expect().evidence()).filter(java.util.Objects::nonNull).toList();
            return tags.stream().min(Comparator.comparingInt(Evidence.PROVENANCE::indexOf));
        }
    }

    /**
     * @param rows     findings in natural order of their ids (L2 before L10), then scenarios without findings
     * @param markdown the whole report, ending with the line {@code N passed, N failed} (findings)
     */
    public record Report(List<Row> rows, int scenarios, int checks, String markdown) {

        public long passed() {
            return rows.stream().filter(Row::passed).count();
        }

        public long failed() {
            return rows.size() - passed();
        }

        /** The labels of the rows that fail. */
        public List<String> failing() {
            return rows.stream().filter(r -> !r.passed()).map(Row::label).toList();
        }

        public String summary() {
            return passed() + " passed, " + failed() + " failed";
        }
    }

    private Validation() {
    }

    /**
     * Evaluates the scenarios and checks their expectations (as {@code ./adcc test} does), then renders
     * the report.
     *
     * @param scenarios  the scenarios of the run, every comparison's partner among them
     * @param reportFile where the report will be written: scenario links are relative to its directory
     * @throws org.adcckb.input.InputException when a comparison names a scenario that is not in the run
     */
    public static Report run(List<Scenario> scenarios, Reasoner reasoner, Path reportFile) {
        Map<String, Evaluation> byId = new LinkedHashMap<>();
        scenarios.stream().sorted(Comparator.comparing(Scenario::id)).forEach(s -> byId.put(s.id(), reasoner.evaluate(s)));
        List<Check> checks = ExpectationChecker.check(byId, reasoner);
        Map<String, Scenario> scenarioById = new TreeMap<>();
        byId.values().forEach(e -> scenarioById.put(e.scenario().id(), e.scenario()));
        List<Row> rows = rows(checks, scenarioById);
        int withChecks = (int) checks.stream().map(Check::scenario).distinct().count();
        String md = render(rows, withChecks, checks.size(), reasoner.knowledgeBase().fingerprint(), reportFile);
        return new Report(rows, withChecks, checks.size(), md);
    }

    static List<Row> rows(List<Check> checks, Map<String, Scenario> scenarioById) {
        Map<String, List<Check>> byFinding = new TreeMap<>(Validation::natural);
        Map<String, List<Check>> byScenario = new TreeMap<>();
        for (Check c : checks) {
            if (c.findings().isEmpty()) {
                byScenario.computeIfAbsent(c.scenario(), k -> new ArrayList<>()).add(c);
            }
            for (String f : new LinkedHashSet<>(c.findings())) {
                byFinding.computeIfAbsent(f, k -> new ArrayList<>()).add(c);
            }
        }
        List<Row> rows = new ArrayList<>();
        byFinding.forEach((f, cs) -> rows.add(new Row(f, scenariosOf(cs, scenarioById), List.copyOf(cs))));
        byScenario.forEach((s, cs) -> rows.add(new Row(null, scenariosOf(cs, scenarioById), List.copyOf(cs))));
        return List.copyOf(rows);
    }

    private static List<Scenario> scenariosOf(List<Check> checks, Map<String, Scenario> scenarioById) {
        return checks.stream().map(Check::scenario).distinct().sorted().map(scenarioById::get).toList();
    }

    private static String render(List<Row> rows, int scenarios, int checks, String fingerprint, Path reportFile) {
        long passed = rows.stream().filter(Row::passed).count();
        StringBuilder md = new StringBuilder();
        md.append("# Validation report\n\n");
        md.append("Every published finding encoded in the scenarios' `expect` blocks, checked against the rules.\n");
        md.append("This file is generated: do not edit it. Regenerate it with `").append(COMMAND)
                .append("` after changing rules or scenarios;\n");
        md.append("`").append(COMMAND).append(" --check` tells whether it is up to date, and the test suite checks"
                + " that docs/VALIDATION.md is.\n\n");
        md.append("- Rules fingerprint: `").append(fingerprint)
                .append("` (SHA-256 of the rule files, the vocabulary and the bibliography, as `rulesFingerprint` in the JSON output)\n");
        md.append("- ").append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(" from ")
                .append(checks).append(checks == 1 ? " check" : " checks").append(" in ")
                .append(scenarios).append(scenarios == 1 ? " scenario" : " scenarios")
                .append("; a finding passes when every check of every scenario that encodes it holds,"
                        + " and the checks of a scenario that names no finding form a row of their own.\n");
        md.append("- Expected and obtained list the checks as `./adcc test` does, without the `outcome.` and `cells.` prefixes;"
                + " a comparison gives this scenario's value, then the other's. A check that does not hold is in bold.\n");
        md.append("- Evidence is the provenance tag of `docs/LITERATURE.md` (`READ`, `READ-2nd`, `RECALL`, `INFER`, strongest first)"
                + " that each scenario declares in `expect.evidence`, shown after its id. A scenario that encodes several"
                + " findings declares the weakest of their tags, so a finding is at least as strong as the strongest tag"
                + " of its scenarios, which the evidence column shows; `-` when none declares one.\n\n");
        md.append("| finding | source | evidence | scenario(s) | expected | obtained | result |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.finding() == null ? "-" : text(r.finding()))
                    .append(" | ").append(sources(r))
                    .append(" | ").append(r.evidence().orElse("-"))
                    .append(" | ").append(scenarioLinks(r, reportFile))
                    .append(" | ").append(checks(r, false))
                    .append(" | ").append(checks(r, true))
                    .append(" | ").append(result(r))
                    .append(" |\n");
        }
        md.append('\n').append(passed).append(" passed, ").append(rows.size() - passed).append(" failed\n");
        return md.toString();
    }

    private static String sources(Row r) {
        Set<String> refs = new LinkedHashSet<>();
        for (Scenario s : r.scenarios()) {
            String source = s.expect().source();
            if (source == null) {
                continue;
            }
            for (String ref : source.split(";")) {
                if (!ref.isBlank()) {
                    refs.add(ref.trim());
                }
            }
        }
        if (refs.isEmpty()) {
            return "-";
        }
        return String.join("; ", refs.stream().map(ref -> "[" + text(ref) + "](" + url(Evidence.link(ref)) + ")").toList());
    }

    private static String scenarioLinks(Row r, Path reportFile) {
        List<String> out = new ArrayList<>();
        for (Scenario s : r.scenarios()) {
            String tag = s.expect().evidence() == null ? "" : " (" + s.expect().evidence() + ")";
            String link = relativeLink(s.origin(), reportFile);
            out.add((link == null ? text(s.id()) : "[" + text(s.id()) + "](" + link + ")") + tag);
        }
        return String.join("<br>", out);
    }

    /** The scenario file relative to the report's directory, with '/' separators; null when it is not a file. */
    private static String relativeLink(String origin, Path reportFile) {
        try {
            Path file = Path.of(origin).toAbsolutePath().normalize();
            Path dir = reportFile.toAbsolutePath().normalize().getParent();
            if (dir == null || file.getRoot() == null || !file.getRoot().equals(dir.getRoot())) {
                return null;
            }
            return url(dir.relativize(file).toString().replace('\\', '/'));
        } catch (IllegalArgumentException e) { // InvalidPathException, or a path relativize cannot reach
            return null;
        }
    }

    /** The checks of the row, one line per scenario (prefixed by its id when the row has several). */
    private static String checks(Row r, boolean obtained) {
        List<String> lines = new ArrayList<>();
        for (Scenario s : r.scenarios()) {
            List<String> items = new ArrayList<>();
            for (Check c : r.checks()) {
                if (!c.scenario().equals(s.id())) {
                    continue;
                }
                String item = code(obtained ? field(c.what()) + " " + c.actual() : shorten(c.what()));
                items.add(c.passed() ? item : "**" + item + "**");
            }
            lines.add((r.scenarios().size() > 1 ? text(s.id()) + ": " : "") + String.join("; ", items));
        }
        return String.join("<br>", lines);
    }

    private static String result(Row r) {
        long failed = r.checks().stream().filter(c -> !c.passed()).count();
        return failed == 0 ? "pass" : "**FAIL** (" + failed + " of " + r.checks().size() + " checks)";
    }

    /** {@code outcome.adcc = low} to {@code adcc = low}; {@code cells.mm.cd38 higher ...} to {@code mm.cd38 higher ...}. */
    private static String shorten(String what) {
        if (what.startsWith("outcome.")) {
            return what.substring("outcome.".length());
        }
        if (what.startsWith("cells.")) {
            return what.substring("cells.".length());
        }
        return what;
    }

    /** The checked field of a check: {@code adcc}, {@code mm.cd38Fold}. */
    private static String field(String what) {
        String s = shorten(what);
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    /** A link destination: what would end it or the table cell, percent-encoded. */
    private static String url(String s) {
        return s.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E").replace("|", "%7C");
    }

    /** Markdown code span inside a table cell: the text literally, '|' escaped for the table. */
    private static String code(String s) {
        int longest = 0;
        int run = 0;
        for (char ch : s.toCharArray()) {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s.replace("|", "\\|") + pad + fence;
    }

    /** Plain text inside a table cell: Markdown's special characters escaped. */
    private static String text(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(ch) >= 0) {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }

    /** Ids in natural order: digit runs compare as numbers, so L2 comes before L10. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                int ej = j;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
