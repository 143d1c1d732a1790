package org.adcckb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * Turns bench/run's raw numbers ({@code KEY VALUE} lines, {@code #} lines are notes; the i-th value of
 * every key of one loop comes from the same iteration) into a Markdown summary: medians, interquartile
 * range (IQR, by linear interpolation), min and max, and ratios. Usage: {@code Report RESULTS_FILE}.
 */
public final class Report {

    private final Map<String, List<Double>> raw = new LinkedHashMap<>();
    private final StringBuilder out = new StringBuilder();

    public static void main(String[] args) throws IOException {
        Report r = new Report();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && !f[0].startsWith("#")) {
                r.raw.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
            }
        }
        System.out.print(r.render());
    }

    private String render() {
        if (n("cold.adcc_explain") == 0) { // bench/run -e: the peer comparison only
            peer();
            return out.toString();
        }
        line("### a. Cold start (wall time of one process, ms; %d runs each, interleaved)", n("cold.adcc_explain"));
        line("");
        header("command");
        row("`./adcc explain facts/lejeune-2021/atra-low-target.json`", "cold.adcc_explain");
        row("`java … -jar target/adcc.jar explain …` (same, without the launcher script or its archive)", "cold.java_jar_explain");
        row("`BareDrools bench/one-rule.drl` (one rule, one fact)", "cold.bare_drools");
        row("`BareDrools`, with a class-data-sharing archive of its own (as the launcher has)", "cold.bare_drools_cds");
        row("`ColdPhases` (explain through the API, timed by phase)", "cold.phases_process");
        ratioRow("ratio adcc / bare", "cold.adcc_explain", "cold.bare_drools", (a, b) -> a / b, "×");
        ratioRow("ratio adcc / bare, both with their archives (same flags)", "cold.adcc_explain", "cold.bare_drools_cds", (a, b) -> a / b, "×");
        ratioRow("launcher script overhead (adcc − java -jar)", "cold.adcc_explain", "cold.java_jar_explain", (a, b) -> a - b, "ms");
        line("");
        line("Phases of a cold explain inside the JVM (`ColdPhases`, ms):");
        line("");
        header("phase");
        row("JVM start → main", "phase.jvm_to_main");
        row("Jackson's first use (parse `rules/vocabulary.json`)", "phase.jackson_first_use");
        row("Drools builder init (`KnowledgeBuilderFactory.newKnowledgeBuilder()`)", "phase.drools_builder_init");
        row("`KnowledgeBaseLoader.load(rules)`: with Jackson and the builder warm: compile the rule files and tables, build the base, check metadata", "phase.load_rules");
        row("read the scenario", "phase.read_scenario");
        row("first evaluation, with explanation", "phase.first_evaluate");
        row("render the text report", "phase.render_text");
        row("total in main (the above but JVM start)", "phase.main_total");
        row("a second evaluation of the same scenario (for comparison)", "phase.second_evaluate");
        line("");

        line("### b. The 2^10 sweep (`low-target-dara.json`, 10 factors, %.0f combinations, 2 threads)",
                first("c1.sweep_combinations"));
        line("");
        line("In process, knowledge base loaded once (ms per sweep):");
        line("");
        header("JVM flags");
        row(String.format(Locale.ROOT, "launcher's (`-XX:TieredStopAtLevel=1 -XX:+UseSerialGC`), after %.0f warm-up sweeps (≥ 60 and ≥ 12 s)",
                first("c1.sweep_warmups")), "c1.sweep_ms");
        row(String.format(Locale.ROOT, "JVM defaults (C2, G1), after %.0f warm-up sweeps (≥ 60 and ≥ 12 s)", first("c2.sweep_warmups")), "c2.sweep_ms");
        row("launcher's, the first sweep in a fresh JVM (one per run of bench/run)", "c1.sweep_first_ms");
        row("JVM defaults, the first sweep in a fresh JVM", "c2.sweep_first_ms");
        line("");
        line("In-process sweep (launcher's flags, warm) / one cold start (`./adcc explain`): **%s** (medians); "
                        + "first sweep in a fresh JVM / cold start: %s.",
                ratio(median("c1.sweep_ms") / median("cold.adcc_explain")),
                ratio(median("c1.sweep_first_ms") / median("cold.adcc_explain")));
        line("");
        line("End to end (wall time of one process, ms; %d runs each, interleaved with part a):", n("e2e.adcc_sweep"));
        line("");
        header("command");
        row("`./adcc explain facts/lejeune-2021/low-target-dara.json`", "e2e.adcc_explain");
        row("`./adcc sweep facts/lejeune-2021/low-target-dara.json --vary … -f csv`", "e2e.adcc_sweep");
        ratioRow("extra time of the sweep over explain", "e2e.adcc_sweep", "e2e.adcc_explain", (a, b) -> a - b, "ms");
        ratioRow("ratio sweep / explain", "e2e.adcc_sweep", "e2e.adcc_explain", (a, b) -> a / b, "×");
        line("");

        line("### c. Evaluation throughput (the %.0f shipped scenarios in a loop, one thread, evaluations/s; %d rounds of ≥ 0.5 s each, interleaved, after 3 s warm-up each)",
                first("c1.eval_scenarios"), n("c1.eval_explain_per_s"));
        line("");
        header("evaluation");
        for (String flags : List.of("c1", "c2")) {
            String name = flags.equals("c1") ? "launcher's flags" : "JVM defaults";
            row("`evaluate(s)`, with explanation; " + name, flags + ".eval_explain_per_s");
            row("`evaluateWithoutExplanation(s)`, without; " + name, flags + ".eval_plain_per_s");
            ratioRow("speed-up without explanation; " + name, flags + ".eval_plain_per_s", flags + ".eval_explain_per_s",
                    (a, b) -> a / b, "×");
            ratioRow("cost of the explanation per evaluation, µs; " + name, flags + ".eval_explain_per_s",
                    flags + ".eval_plain_per_s", (a, b) -> 1e6 / a - 1e6 / b, "µs");
        }
        line("");
        if (n("batch.explain_per_s") > 0) {
            line("### d. `./adcc batch` of a random virtual cohort (`Cohort`, %d runs each, the launcher's batch flags)",
                    n("batch.explain_per_s"));
            line("");
            header("batch");
            row("with explanations, scenarios/s", "batch.explain_per_s");
            row("`--no-explain`, scenarios/s", "batch.no_explain_per_s");
            row("with explanations, max RSS, MB", "batch.explain_rss_mb");
            row("`--no-explain`, max RSS, MB", "batch.no_explain_rss_mb");
            row("with explanations, CPU µs per scenario", "batch.explain_cpu_us");
            row("`--no-explain`, CPU µs per scenario", "batch.no_explain_cpu_us");
            if (n("batch.explain_steady_per_s") > 0) {
                row("with explanations, steady scenarios/s (after warm-up)", "batch.explain_steady_per_s");
                row("`--no-explain`, steady scenarios/s (after warm-up)", "batch.no_explain_steady_per_s");
            }
            ratioRow("cost of explanations (time with / without)", "batch.no_explain_per_s", "batch.explain_per_s",
                    (a, b) -> a / b, "×");
            ratioRow("cost of explanations (CPU time with / without)", "batch.explain_cpu_us", "batch.no_explain_cpu_us",
                    (a, b) -> a / b, "×");
            if (n("batch.explain_steady_per_s") > 0) {
                ratioRow("cost of explanations once compiled (steady rate without / with)", "batch.no_explain_steady_per_s",
                        "batch.explain_steady_per_s", (a, b) -> a / b, "×");
            }
            line("");
        }
        peer();
        line("Ratio and difference rows: the value of the medians, then the median, IQR and range of the per-run "
                + "(paired, interleaved) ratios or differences. CPU time: user + system time of the process (all its "
                + "threads, so it can exceed the wall time), less disturbed by other load than the wall time; through the "
                + "daemon, the client's and the daemon's together.");
        return out.toString();
    }

    /** e: ./adcc batch end to end against the CLIPS peer's two processes side by side, and the unique cohort. */
    private void peer() {
        if (n("peer.clips") == 0) {
            return;
        }
        boolean base = n("peer.base_explain") > 0;
        line("### e. `./adcc batch` against the CLIPS peer (wall time of one process, ms; %d runs each, interleaved)",
                n("peer.clips"));
        line("");
        header("command");
        row("CLIPS peer: `half1.clp` and `half2.clp` side by side (100,000 scenarios)", "peer.clips");
        row("`./adcc batch --fresh` of the peer's cohort (100,000 lines, every line evaluated), with explanations", "peer.adcc_explain");
        row("`./adcc batch --fresh --no-explain`, the same cohort", "peer.adcc_no_explain");
        row("`./adcc batch` of the peer's cohort, answered from the results a batch of another cohort kept, with explanations", "peer.kept_explain");
        row("the same, `--no-explain`", "peer.kept_no_explain");
        row("`./adcc batch` of the peer's cohort with nothing kept yet (evaluates, then keeps its results), with explanations", "peer.first_explain");
        row("the same, `--no-explain`", "peer.first_no_explain");
        row("`./adcc batch --fresh` through the batch daemon (`adcc daemon start`), with explanations", "peer.daemon_explain");
        row("`./adcc batch --fresh --no-explain` through the batch daemon", "peer.daemon_no_explain");
        row("`./adcc batch` of the unique cohort through the batch daemon", "peer.daemon_unique");
        if (base) {
            row("the same, earlier version (`-B`), with explanations", "peer.base_explain");
            row("the same, earlier version, `--no-explain`", "peer.base_no_explain");
        }
        row("`./adcc batch` of a cohort of unique scenarios (`Cohort … unique`), with explanations", "peer.unique");
        if (base) {
            row("the same, earlier version", "peer.unique_base");
        }
        ratioRow("ratio adcc batch / CLIPS, with explanations, answered from kept results (goal ≤ 1.5)", "peer.kept_explain", "peer.clips", (a, b) -> a / b, "×");
        ratioRow("ratio adcc batch --no-explain / CLIPS, answered from kept results (goal ≤ 1.0)", "peer.kept_no_explain", "peer.clips", (a, b) -> a / b, "×");
        ratioRow("ratio adcc batch --fresh / CLIPS, with explanations (goal ≤ 1.5)", "peer.adcc_explain", "peer.clips", (a, b) -> a / b, "×");
        ratioRow("ratio adcc batch --fresh --no-explain / CLIPS (goal ≤ 1.0)", "peer.adcc_no_explain", "peer.clips", (a, b) -> a / b, "×");
        ratioRow("first batch that keeps its results / --fresh, with explanations", "peer.first_explain", "peer.adcc_explain", (a, b) -> a / b, "×");
        ratioRow("first batch that keeps its results / --fresh, --no-explain", "peer.first_no_explain", "peer.adcc_no_explain", (a, b) -> a / b, "×");
        ratioRow("ratio adcc batch --fresh through the daemon / CLIPS, with explanations (goal ≤ 1.5)", "peer.daemon_explain", "peer.clips", (a, b) -> a / b, "×");
        ratioRow("ratio adcc batch --fresh --no-explain through the daemon / CLIPS (goal ≤ 1.0)", "peer.daemon_no_explain", "peer.clips", (a, b) -> a / b, "×");
        ratioRow("unique scenarios: through the daemon / in a JVM of its own", "peer.daemon_unique", "peer.unique", (a, b) -> a / b, "×");
        if (base) {
            ratioRow("ratio earlier version / CLIPS, with explanations", "peer.base_explain", "peer.clips", (a, b) -> a / b, "×");
            ratioRow("ratio earlier version --no-explain / CLIPS", "peer.base_no_explain", "peer.clips", (a, b) -> a / b, "×");
            ratioRow("unique scenarios: this version / earlier version", "peer.unique", "peer.unique_base", (a, b) -> a / b, "×");
        }
        line("");
    }

    private boolean cpuColumn;

    /** A table; processes get a fifth column, the median CPU time (user + system) of the same runs. */
    private void header(String what) {
        cpuColumn = what.equals("command");
        line(cpuColumn ? "| %s | median | IQR | min – max | CPU time, median |" : "| %s | median | IQR | min – max |", what);
        line(cpuColumn ? "|---|---:|---:|---:|---:|" : "|---|---:|---:|---:|");
    }

    private String cpu(String key) {
        return cpuColumn ? " " + num(median("cpu." + key)) + " |" : "";
    }

    private String blank() {
        return cpuColumn ? " |" : "";
    }

    private void row(String name, String key) {
        List<Double> v = raw.get(key);
        if (v == null) {
            line("| %s | n/a | | |%s", name, blank());
            return;
        }
        double[] s = sorted(v);
        line("| %s | %s | %s – %s | %s – %s |%s", name, num(quantile(s, 0.5)), num(quantile(s, 0.25)), num(quantile(s, 0.75)),
                num(s[0]), num(s[s.length - 1]), raw.containsKey("cpu." + key) ? cpu(key) : blank());
    }

    /** The op of the medians, then the spread of the op applied run by run. */
    private void ratioRow(String name, String a, String b, DoubleBinaryOperator op, String unit) {
        List<Double> x = raw.get(a);
        List<Double> y = raw.get(b);
        if (x == null || y == null || x.size() != y.size()) {
            line("| %s | n/a | | |%s", name, blank());
            return;
        }
        double[] paired = new double[x.size()];
        for (int i = 0; i < paired.length; i++) {
            paired[i] = op.applyAsDouble(x.get(i), y.get(i));
        }
        Arrays.sort(paired);
        String u = unit.equals("×") ? "×" : " " + unit;
        String cpu = "";
        if (cpuColumn && raw.containsKey("cpu." + a) && raw.containsKey("cpu." + b)) {
            cpu = " " + num(op.applyAsDouble(median("cpu." + a), median("cpu." + b))) + u + " |";
        } else if (cpuColumn) {
            cpu = blank();
        }
        line("| **%s** | **%s%s** (paired: %s) | %s – %s | %s – %s |%s", name, num(op.applyAsDouble(median(a), median(b))), u,
                num(quantile(paired, 0.5)), num(quantile(paired, 0.25)), num(quantile(paired, 0.75)),
                num(paired[0]), num(paired[paired.length - 1]), cpu);
    }

    private double median(String key) {
        List<Double> v = raw.get(key);
        return v == null ? Double.NaN : quantile(sorted(v), 0.5);
    }

    private double first(String key) {
        List<Double> v = raw.get(key);
        return v == null ? Double.NaN : v.get(0);
    }

    private int n(String key) {
        List<Double> v = raw.get(key);
        return v == null ? 0 : v.size();
    }

    private static double[] sorted(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** Linear interpolation between closest ranks (R's type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.3f", r);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, f, v);
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
