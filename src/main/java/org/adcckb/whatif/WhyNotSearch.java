package org.adcckb.whatif;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.adcckb.kb.Vocabulary;
import org.adcckb.reasoning.Reasoner;
import org.adcckb.scenario.Edit;
import org.adcckb.scenario.Scenario;
import org.adcckb.scenario.Treatment;

/**
 * Why-not's search for the minimal sets of added treatments that reach a goal, within a {@link Budget}.
 * The number of sets is known before anything runs (the sum of C(n, k) for k = 1..max over n candidates)
 * and a search over budget is refused at once. The sets are then drawn lazily in lexicographic order, with
 * at most 64 per worker in flight, so that what is held at any moment is those and the solutions found
 * (at most {@code maxSolutions}); the time is checked while drawing and while waiting for each answer.
 */
final class WhyNotSearch {

    /** Sets in flight per worker: enough to keep the workers busy, few enough to hold. */
    private static final int IN_FLIGHT_PER_THREAD = 64;

    /** A set drawn and submitted, and whether it reaches the goal once evaluated. */
    private record Pending(List<Treatment> set, Future<Boolean> reached) {
    }

    /** The solutions, smallest first and in the order drawn, and how many sets were evaluated. */
    record Found(List<List<Treatment>> solutions, int evaluated) {
    }

    private final Scenario scenario;
    private final Goal goal;
    private final List<Treatment> candidates;
    private final int maxSize;
    private final Budget budget;
    private final Budget.Deadline deadline;
    private final String scope;

    /**
     * @param scope what the candidates are drawn from, in words, for messages
     */
    WhyNotSearch(Scenario scenario, Goal goal, List<Treatment> candidates, int maxSize, Budget budget,
                 Budget.Deadline deadline, String scope) {
        this.scenario = scenario;
        this.goal = goal;
        this.candidates = candidates;
        this.maxSize = maxSize;
        this.budget = budget;
        this.deadline = deadline;
        this.scope = scope;
    }

    /** Every set of 1 to {@code maxSize} of {@code n} candidates: the most the search may evaluate. */
    static long combinations(int n, int maxSize) {
        long total = 0;
        for (int k = 1; k <= maxSize && k <= n; k++) {
            total = Budget.plus(total, Budget.choose(n, k));
        }
        return total;
    }

    /** Refuses, before anything runs, a search with more sets than the budget allows. */
    void checkCount() {
        long total = combinations(candidates.size(), maxSize);
        if (total > budget.maxCombinations()) {
            throw new BudgetException("whynot: " + Budget.count(total) + " combinations of up to " + maxSize
                    + " added treatments from " + Budget.count(candidates.size()) + " candidates (" + scope
                    + ") exceed the budget of " + Budget.count(budget.maxCombinations()) + " ({maxCombinations}); "
                    + NARROW);
        }
    }

    private static final String NARROW = "narrow with {agents}, a smaller {max}, or fewer cells";

    BudgetException overTime() {
        return new BudgetException("whynot: stopped at the time budget of " + Budget.count(budget.maxMillis())
                + " ms ({maxMillis}) before the answer over sets of up to " + maxSize + " added treatments from "
                + Budget.count(candidates.size()) + " candidates was complete; " + NARROW
                + ", or allow more time with {maxMillis}");
    }

    private BudgetException tooManySolutions() {
        return new BudgetException("whynot: more than " + Budget.count(budget.maxSolutions())
                + " minimal solutions ({maxSolutions}) among sets of up to " + maxSize + " added treatments; "
                + NARROW + ", or allow more with {maxSolutions}");
    }

    /** Evaluates the sets, smallest first, skipping any that contain a solution already found. */
    Found run(Reasoner reasoner, Vocabulary vocabulary, int threads, Progress progress) {
        long total = combinations(candidates.size(), maxSize);
        long done = 0;
        List<List<Treatment>> found = new ArrayList<>();
        int evaluated = 0;
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "adcc-whynot");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int size = 1; size <= maxSize && size <= candidates.size(); size++) {
                // A set is skipped when a smaller solution lies inside (it would not be minimal). Only the
                // solutions of smaller sizes can: a set never contains another of its own size. So the sets
                // of one size are drawn and evaluated in a stream, without waiting for each other.
                List<List<Treatment>> smaller = List.copyOf(found);
                Subsets subsets = new Subsets(candidates.size(), size);
                ArrayDeque<Pending> window = new ArrayDeque<>();
                while (subsets.hasNext() || !window.isEmpty()) {
                    while (window.size() < workers * IN_FLIGHT_PER_THREAD && subsets.hasNext()) {
                        if (deadline.passed()) {
                            throw overTime();
                        }
                        List<Treatment> set = new ArrayList<>(size);
                        for (int i : subsets.next()) {
                            set.add(candidates.get(i));
                        }
                        if (smaller.stream().anyMatch(set::containsAll)) {
                            // Skipped sets count as done: the total is every set, so the count reaches it.
                            progress.update(++done, total);
                        } else {
                            evaluated++;
                            window.add(new Pending(set, pool.submit(() -> goal.met(
                                    reasoner.evaluateWithoutExplanation(withAdded(scenario, set, vocabulary)).outcome()))));
                        }
                    }
                    Pending next = window.poll();
                    if (next == null) {
                        continue;
                    }
                    // Taken in the order the sets were drawn: the answer does not depend on timing.
                    boolean reached = next.reached().get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
                    progress.update(++done, total);
                    if (reached) {
                        found.add(next.set());
                        if (found.size() > budget.maxSolutions()) {
                            throw tooManySolutions();
                        }
                    }
                }
            }
        } catch (TimeoutException e) {
            throw overTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("why-not search interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            // Evaluations still running finish within the reasoner's own time limit; none are waited for.
            pool.shutdownNow();
        }
        return new Found(found, evaluated);
    }

    static Scenario withAdded(Scenario s, List<Treatment> set, Vocabulary vocabulary) {
        Scenario out = s;
        for (Treatment t : set) {
            out = new Edit.Add(t).apply(out, vocabulary);
        }
        return out;
    }

    /** The k-subsets of 0..n-1 in lexicographic order, one at a time. */
    static final class Subsets {
        private final int n;
        private final int[] c;
        private boolean more;

        Subsets(int n, int k) {
            this.n = n;
            this.c = new int[k];
            for (int i = 0; i < k; i++) {
                c[i] = i;
            }
            this.more = k <= n;
        }

        boolean hasNext() {
            return more;
        }

        /** The next subset; the array is the caller's. */
        int[] next() {
            if (!more) {
                throw new java.util.NoSuchElementException();
            }
            int[] out = c.clone();
            int k = c.length;
            int i = k - 1;
            while (i >= 0 && c[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                more = false;
            } else {
                c[i]++;
                for (int j = i + 1; j < k; j++) {
                    c[j] = c[j - 1] + 1;
                }
            }
            return out;
        }
    }
}
