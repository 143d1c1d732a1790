package org.adcckb.property;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A small property-based testing harness on plain JUnit: generate values from random {@link Choices},
 * check an invariant on each, and when one fails, shrink its choices to the simplest value that still
 * fails and report it.
 *
 * <p>Runs are random, seeded from the clock unless {@value #SEED} is set; a failure names its seed, so
 * {@code mvn -B test -Dadcc.properties.seed=N} replays it exactly. {@value #SCALE} multiplies every
 * property's number of tries (for a long run: {@code -Dadcc.properties.scale=20}).
 *
 * <p>Why not jqwik: from version 1.10 jqwik carries an Anti-AI Usage Clause, and its engine prints "If
 * you are an AI Agent, you must not use this library". These tests were written by a coding agent, so
 * they do not use it; this harness does the parts the tests need (seeded generation, shrinking,
 * reporting) in about two hundred lines.
 */
public final class Property {

    /** System property: the seed of a run. */
    public static final String SEED = "adcc.properties.seed";
    /** System property: a factor on every property's number of tries. */
    public static final String SCALE = "adcc.properties.scale";

    private static final int MAX_SHRINK_EVALUATIONS = 5000;
    private static final long MAX_SHRINK_MILLIS = 20_000;

    /** Builds a value from choices; it must accept any choices, so that every shrunk sequence is a value. */
    @FunctionalInterface
    public interface Gen<T> {
        T generate(Choices choices);
    }

    /**
     * A falsified property.
     *
     * @param tryNumber   the try that failed first, from 1
     * @param shrinkSteps how many simpler failing values shrinking went through
     */
    public record Failure<T>(T original, List<String> originalViolations, T shrunk, List<String> violations,
                             int[] choices, long seed, int tryNumber, int shrinkSteps) {
    }

    private Property() {
    }

    /**
     * Checks the invariant on {@code tries} generated values (times {@value #SCALE}); throws an
     * {@link AssertionError} with the shrunk counterexample, shown by {@code show}, if it fails.
     *
     * @param invariant the violations of a value, empty when it holds; an exception counts as a violation
     */
    public static <T> void check(String name, int tries, Gen<T> gen, Function<T, String> show,
                                 Function<T, List<String>> invariant) {
        long seed = seed();
        Optional<Failure<T>> failure = find(name, scaled(tries), seed, gen, invariant);
        failure.ifPresent(f -> {
            throw new AssertionError(report(name, f, show));
        });
    }

    /** Runs the tries and shrinks the first failure; empty when the invariant held every time. */
    public static <T> Optional<Failure<T>> find(String name, int tries, long seed, Gen<T> gen,
                                                Function<T, List<String>> invariant) {
        SplittableRandom random = new SplittableRandom(seed ^ ((long) name.hashCode() << 32 | name.length()));
        for (int i = 0; i < tries; i++) {
            // The first two tries are edge cases: the simplest value, and every choice at its largest.
            Choices choices = i == 0 ? Choices.replay(new int[0])
                    : i == 1 ? Choices.replay(allLargest())
                    : Choices.random(random.split());
            T value = gen.generate(choices);
            List<String> violations = violations(invariant, value);
            if (!violations.isEmpty()) {
                return Optional.of(shrink(gen, invariant, value, violations, choices.sequence(), seed, i + 1));
            }
        }
        return Optional.empty();
    }

    private static int[] allLargest() {
        int[] s = new int[10_000];
        Arrays.fill(s, Integer.MAX_VALUE);
        return s;
    }

    private static <T> List<String> violations(Function<T, List<String>> invariant, T value) {
        try {
            return invariant.apply(value);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return List.of("threw " + e);
        }
    }

    /**
     * Greedy shrinking of the failing choices, in passes until a pass changes nothing: each choice is set
     * to 0 if the value still fails, else lowered to the smallest value that still fails (binary search),
     * then runs of choices are set to 0 together. Values already tried are not evaluated again.
     */
    private static <T> Failure<T> shrink(Gen<T> gen, Function<T, List<String>> invariant, T original,
                                         List<String> originalViolations, int[] sequence, long seed, int tryNumber) {
        Shrinker<T> s = new Shrinker<>(gen, invariant, original, originalViolations, trim(sequence));
        boolean changed = true;
        while (changed && s.withinBudget()) {
            changed = false;
            for (int i = 0; i < s.best.length && s.withinBudget(); i++) {
                int v = s.best[i];
                if (v == 0) {
                    continue;
                }
                if (s.tryWith(i, 0)) {
                    changed = true;
                    continue;
                }
                // 0 passes and v fails: find the smallest failing value in between.
                int lo = 0;
                int hi = v;
                while (hi - lo > 1 && s.withinBudget()) {
                    int mid = lo + (hi - lo) / 2;
                    if (s.tryWith(i, mid)) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                changed |= hi < v;
            }
            for (int k : new int[] {8, 4, 2}) {
                for (int i = 0; i + k <= s.best.length && s.withinBudget(); i++) {
                    int[] c = s.best.clone();
                    Arrays.fill(c, i, i + k, 0);
                    changed |= s.tryCandidate(c);
                }
            }
        }
        return new Failure<>(original, originalViolations, s.bestValue, s.bestViolations, s.best, seed, tryNumber, s.steps);
    }

    private static final class Shrinker<T> {
        private final Gen<T> gen;
        private final Function<T, List<String>> invariant;
        private final Map<T, List<String>> tried = new HashMap<>();
        private final long deadline = System.currentTimeMillis() + MAX_SHRINK_MILLIS;
        private int evaluations;
        int[] best;
        T bestValue;
        List<String> bestViolations;
        int steps;

        Shrinker(Gen<T> gen, Function<T, List<String>> invariant, T value, List<String> violations, int[] sequence) {
            this.gen = gen;
            this.invariant = invariant;
            this.best = sequence;
            this.bestValue = value;
            this.bestViolations = violations;
            tried.put(value, violations);
        }

        boolean withinBudget() {
            return evaluations < MAX_SHRINK_EVALUATIONS && System.currentTimeMillis() < deadline;
        }

        /** Whether the best sequence with choice {@code i} set to {@code value} still fails; if so it becomes the best. */
        boolean tryWith(int i, int value) {
            int[] c = best.clone();
            c[i] = value;
            return tryCandidate(c);
        }

        boolean tryCandidate(int[] candidate) {
            if (!simpler(candidate, best)) {
                return false;
            }
            Choices replay = Choices.replay(candidate);
            T value = gen.generate(replay);
            int[] used = trim(replay.sequence());
            if (!simpler(used, best)) {
                return false;
            }
            List<String> v = tried.get(value);
            if (v == null) {
                evaluations++;
                v = violations(invariant, value);
                tried.put(value, v);
            }
            if (v.isEmpty()) {
                return false;
            }
            best = used;
            bestValue = value;
            bestViolations = v;
            steps++;
            return true;
        }
    }

    /** Shorter, or as long and smaller at the first difference. */
    static boolean simpler(int[] a, int[] b) {
        int[] x = trim(a);
        int[] y = trim(b);
        if (x.length != y.length) {
            return x.length < y.length;
        }
        return Arrays.compare(x, y) < 0;
    }

    /** Trailing zeros are the choices a replay makes anyway. */
    private static int[] trim(int[] s) {
        int n = s.length;
        while (n > 0 && s[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(s, n);
    }

    private static long seed() {
        String given = System.getProperty(SEED);
        if (given != null && !given.isBlank()) {
            return Long.parseLong(given.strip());
        }
        return System.nanoTime() ^ System.currentTimeMillis() << 20;
    }

    private static int scaled(int tries) {
        String s = System.getProperty(SCALE);
        double factor = s == null || s.isBlank() ? 1.0 : Double.parseDouble(s.strip());
        return Math.max(1, (int) Math.round(tries * factor));
    }

    private static <T> String report(String name, Failure<T> f, Function<T, String> show) {
        StringBuilder b = new StringBuilder();
        b.append("Property ").append(name).append(" falsified at try ").append(f.tryNumber())
                .append(" (seed ").append(f.seed()).append("; replay with -D").append(SEED).append('=').append(f.seed())
                .append(").\n");
        b.append("Shrunk in ").append(f.shrinkSteps()).append(" steps to:\n").append(show.apply(f.shrunk())).append('\n');
        b.append("Violations:\n");
        f.violations().forEach(v -> b.append("  - ").append(v).append('\n'));
        b.append("Keep it: save the shrunk scenario under src/test/resources/regressions/ (see the README there).\n");
        b.append("Originally generated:\n").append(show.apply(f.original())).append('\n');
        f.originalViolations().forEach(v -> b.append("  - ").append(v).append('\n'));
        return b.toString();
    }
}
