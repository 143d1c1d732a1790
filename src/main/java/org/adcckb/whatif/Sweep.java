package org.adcckb.whatif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.adcckb.facts.Levels;
import org.adcckb.input.InputException;
import org.adcckb.kb.Vocabulary;
import org.adcckb.reasoning.CellState;
import org.adcckb.reasoning.Evaluation;
import org.adcckb.reasoning.Outcome;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Scenario;

/**
 * The full factorial over a set of factors: every combination evaluated in a session of its own, spread
 * over the cores, ranked by ADCC and then by how little fratricide and NK depletion it costs, with the
 * main effect of each factor. The number of combinations is counted before any runs and held to a
 * {@link Budget}, as is the time.
 */
public final class Sweep {

    public static final int MAX_FACTORS = 12;

    /**
     * One combination.
     *
     * @param levels     the level of each factor, in factor order
     * @param targetCd38 each myeloma population's surface CD38 after modulation
     */
    public record Row(int index, List<String> levels, Outcome outcome, Map<String, String> targetCd38) {
    }

    /**
     * How often moving one factor from its reference level changes ADCC, over all combinations of the others.
     *
     * @param level the level compared with the reference ({@code present} for a treatment)
     */
    public record Effect(String factor, String level, int raises, int lowers, int unchanged) {
    }

    /** Rows ranked best first, and the effects in factor order. */
    public record Result(Scenario scenario, List<Factor> factors, List<Row> rows, List<Effect> effects) {

        /** The outcome kinds of the answers, in declared order; the main effects are on the first. */
        public List<org.adcckb.kb.OutcomeKind> outcomes() {
            return rows.get(0).outcome().kinds();
        }
    }

    private Sweep() {
    }

    /**
     * @param budget how many combinations the sweep may have (counted before any runs; each is kept as a
     *               row) and for how long it may run; a sweep over it is refused or stopped with a
     *               {@link BudgetException}
     */
    public static Result run(Scenario base, List<Factor> factors, Reasoner reasoner, Vocabulary vocabulary,
                             int threads, Progress progress, Budget budget) {
        Budget.Deadline deadline = budget.start();
        if (factors.isEmpty()) {
            throw new InputException("--vary", "", "give at least one factor to vary");
        }
        if (factors.size() > MAX_FACTORS) {
            throw new InputException("--vary", "", factors.size() + " factors given; a sweep takes at most " + MAX_FACTORS);
        }
        List<String> labels = factors.stream().map(Factor::label).toList();
        for (String l : labels) {
            if (labels.indexOf(l) != labels.lastIndexOf(l)) {
                throw new InputException("--vary " + l, "", "the factor is given twice");
            }
        }
        long total = 1;
        for (Factor f : factors) {
            total = Budget.times(total, f.levels().size());
        }
        if (total > budget.maxCombinations() || total > Integer.MAX_VALUE) {
            throw new BudgetException("sweep: " + Budget.count(total) + " combinations of " + factors.size()
                    + (factors.size() == 1 ? " factor" : " factors") + " exceed the budget of "
                    + Budget.count(budget.maxCombinations()) + " ({maxCombinations}); " + NARROW);
        }
        int n = (int) total;
        Row[] rows = new Row[n];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r -> {
            Thread t = new Thread(r, "adcc-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            int workers = Math.max(1, Math.min(threads, n));
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                final int first = w;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < n; i += workers) {
                        if (deadline.passed()) {
                            return; // the caller finds the rows missing and says why
                        }
                        rows[i] = evaluate(base, factors, i, reasoner, vocabulary);
                        int d = done.incrementAndGet();
                        if (progress != null) {
                            progress.update(d, n);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
            }
            if (done.get() < n) {
                throw overTime(budget, n);
            }
        } catch (TimeoutException e) {
            throw overTime(budget, n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            // Evaluations still running finish within the reasoner's own time limit; none are waited for.
            pool.shutdownNow();
        }
        List<Row> ranked = new ArrayList<>(List.of(rows));
        ranked.sort(ranking(factors));
        return new Result(base, List.copyOf(factors), List.copyOf(ranked), effects(factors, rows));
    }

    private static final String NARROW = "vary fewer factors or levels ({vary})";

    private static BudgetException overTime(Budget budget, int n) {
        return new BudgetException("sweep: stopped at the time budget of " + Budget.count(budget.maxMillis())
                + " ms ({maxMillis}) before its " + Budget.count(n) + " combinations were evaluated; " + NARROW
                + ", or allow more time with {maxMillis}");
    }

    /** Levels of combination {@code index}: the first factor varies slowest. */
    static int[] levels(List<Factor> factors, int index) {
        int[] out = new int[factors.size()];
        int rest = index;
        for (int f = factors.size() - 1; f >= 0; f--) {
            int size = factors.get(f).levels().size();
            out[f] = rest % size;
            rest /= size;
        }
        return out;
    }

    static int index(List<Factor> factors, int[] levels) {
        int index = 0;
        for (int f = 0; f < factors.size(); f++) {
            index = index * factors.get(f).levels().size() + levels[f];
        }
        return index;
    }

    private static Row evaluate(Scenario base, List<Factor> factors, int index, Reasoner reasoner, Vocabulary vocabulary) {
        int[] lv = levels(factors, index);
        Scenario s = base;
        List<String> names = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            try {
                s = factors.get(f).apply(s, lv[f], vocabulary);
            } catch (InputException e) {
                // Each factor was checked alone; only this combination of levels does not fit together.
                List<String> combo = new ArrayList<>();
                for (int g = 0; g < factors.size(); g++) {
                    combo.add(factors.get(g).label() + "=" + factors.get(g).levels().get(lv[g]));
                }
                throw new InputException("--vary", "", "the combination " + String.join(", ", combo)
                        + " cannot be built: " + e.getMessage());
            }
            names.add(factors.get(f).levels().get(lv[f]));
        }
        Evaluation ev = reasoner.evaluateWithoutExplanation(s);
        Map<String, String> target = new LinkedHashMap<>();
        for (CellState c : ev.cells().values()) {
            if ("target".equals(c.role())) {
                target.put(c.id(), c.cd38());
            }
        }
        return new Row(index, List.copyOf(names), ev.outcome(), target);
    }

    /**
     * The best outcome first (kind by kind in the vocabulary's order, each in its better direction); then fewer
     * treatments added, and the order of combination.
     */
    private static Comparator<Row> ranking(List<Factor> factors) {
        return Comparator.comparing(Row::outcome, Outcome.BEST_FIRST)
                .thenComparingLong(r -> r.levels().stream().filter("present"::equals).count())
                .thenComparingInt(Row::index);
    }

    private static List<Effect> effects(List<Factor> factors, Row[] rows) {
        List<Effect> out = new ArrayList<>();
        for (int f = 0; f < factors.size(); f++) {
            Factor factor = factors.get(f);
            for (int level = 1; level < factor.levels().size(); level++) {
                int raises = 0;
                int lowers = 0;
                int same = 0;
                for (Row r : rows) {
                    int[] lv = levels(factors, r.index());
                    if (lv[f] != 0) {
                        continue;
                    }
                    lv[f] = level;
                    Row other = rows[index(factors, lv)];
                    String primary = r.outcome().primary().name();
                    int d = Levels.gradeRank(other.outcome().get(primary)) - Levels.gradeRank(r.outcome().get(primary));
                    if (d > 0) {
                        raises++;
                    } else if (d < 0) {
                        lowers++;
                    } else {
                        same++;
                    }
                }
                String name = factor instanceof Factor.TreatmentFactor ? "present"
                        : factor.levels().get(level) + " vs " + factor.levels().get(0);
                out.add(new Effect(factor.label(), name, raises, lowers, same));
            }
        }
        return out;
    }
}
