package org.adcckb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.adcckb.AdccKb;
import org.adcckb.scenario.Scenario;
import org.adcckb.whatif.Factor;
import org.adcckb.whatif.Sweep;

/**
 * The in-process benchmarks, in one JVM with the knowledge base loaded once:
 * <ul>
 *   <li>the 2^10 sweep of low-target-dara.json with 2 threads: the first one (what {@code adcc sweep}
 *       pays), then {@code SWEEPS} timed ones after at least 60 sweeps and 12 s of warm-up;</li>
 *   <li>evaluations per second over the shipped scenarios, with and without explanations, in
 *       {@code ROUNDS} interleaved timed rounds after 3 s of warm-up each.</li>
 * </ul>
 * Prints {@code LABEL.KEY VALUE} lines. Usage: {@code InProcess LABEL RULES_DIR FACTS_DIR SWEEPS ROUNDS}.
 */
public final class InProcess {

    static final String SWEEP_FILE = "lejeune-2021/low-target-dara.json";
    static final String FACTORS = "atra@mm,ifn_alpha@mm,cd38_nanobody@nk,atra,ifn_alpha,cd38_nanobody@mm,"
            + "atra@nk,ifn_alpha@nk,daratumumab,nk.cd38=high|low";
    static final int SWEEP_THREADS = 2;
    /** C2 (the JVM defaults) takes about 60 sweeps, some 10 s on 2 idle cores, to settle; C1 a few. */
    static final int SWEEP_WARMUP_MIN = 60;
    static final long SWEEP_WARMUP_NANOS = 12_000_000_000L;
    static final long WARMUP_NANOS = 3_000_000_000L;
    static final long ROUND_NANOS = 500_000_000L;

    /** Keeps results alive, so no evaluation can be optimised away. */
    static volatile int sink;

    private static String label;

    public static void main(String[] args) throws IOException {
        label = args[0];
        Path facts = Path.of(args[2]);
        int sweeps = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        AdccKb kb = AdccKb.load(Path.of(args[1]));

        Scenario base = kb.read(facts.resolve(SWEEP_FILE));
        List<Factor> factors = Factor.parse(FACTORS, base, kb.knowledgeBase().vocabulary());
        long t = System.nanoTime();
        int combinations = sweep(kb, base, factors);
        print("sweep_first_ms", (System.nanoTime() - t) / 1e6);
        print("sweep_combinations", combinations);
        int warmups = 0;
        long start = System.nanoTime();
        while (warmups < SWEEP_WARMUP_MIN || System.nanoTime() - start < SWEEP_WARMUP_NANOS) {
            sweep(kb, base, factors);
            warmups++;
        }
        print("sweep_warmups", warmups);
        for (int i = 0; i < sweeps; i++) {
            t = System.nanoTime();
            sweep(kb, base, factors);
            print("sweep_ms", (System.nanoTime() - t) / 1e6);
        }

        List<Scenario> scenarios;
        try (Stream<Path> files = Files.walk(facts)) {
            scenarios = files.filter(p -> p.toString().endsWith(".json")).sorted().map(kb::read).toList();
        }
        print("eval_scenarios", scenarios.size());
        evaluationsPerSecond(kb, scenarios, true, WARMUP_NANOS);
        evaluationsPerSecond(kb, scenarios, false, WARMUP_NANOS);
        for (int r = 0; r < rounds; r++) {
            // Alternate which goes first, so neither always follows the other.
            boolean explainFirst = r % 2 == 0;
            double a = evaluationsPerSecond(kb, scenarios, explainFirst, ROUND_NANOS);
            double b = evaluationsPerSecond(kb, scenarios, !explainFirst, ROUND_NANOS);
            print("eval_explain_per_s", explainFirst ? a : b);
            print("eval_plain_per_s", explainFirst ? b : a);
        }
    }

    private static int sweep(AdccKb kb, Scenario base, List<Factor> factors) {
        Sweep.Result r = kb.sweep(base, factors, SWEEP_THREADS, null);
        sink += r.rows().get(0).index();
        return r.rows().size();
    }

    /** Whole passes over the scenarios, single-threaded, until at least {@code nanos} have gone by. */
    private static double evaluationsPerSecond(AdccKb kb, List<Scenario> scenarios, boolean explain, long nanos) {
        long start = System.nanoTime();
        long elapsed;
        long count = 0;
        do {
            for (Scenario s : scenarios) {
                sink += (explain ? kb.evaluate(s) : kb.reasoner().evaluateWithoutExplanation(s)).outcome().hashCode();
            }
            count += scenarios.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return count / (elapsed / 1e9);
    }

    private static void print(String key, double value) {
        System.out.printf(Locale.ROOT, "%s.%s %.3f%n", label, key, value);
        System.out.flush();
    }
}
