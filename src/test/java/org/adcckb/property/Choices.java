package org.adcckb.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random decisions a generator makes, recorded as a sequence of small integers so that a failing
 * value can be shrunk by shrinking its decisions (the approach of Hypothesis' "choice sequences"): a
 * generator asks only {@link #below(int)} and its helpers, and value 0 is always the simplest answer
 * (no population, no treatment, the first option). Replaying a shorter or smaller sequence therefore gives
 * a simpler value, and any sequence gives a valid one.
 */
public final class Choices {

    private final SplittableRandom random;
    private final int[] replay;
    private int position;
    private final List<Integer> drawn = new ArrayList<>();

    private Choices(SplittableRandom random, int[] replay) {
        this.random = random;
        this.replay = replay;
    }

    /** Fresh decisions from a random source. */
    public static Choices random(SplittableRandom random) {
        return new Choices(random, null);
    }

    /** The decisions of an earlier run, possibly shortened or lowered; missing ones are 0. */
    public static Choices replay(int[] sequence) {
        return new Choices(null, sequence.clone());
    }

    /** A number from 0 to {@code n - 1}; 0 is the simplest. */
    public int below(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        int v;
        if (replay == null) {
            v = random.nextInt(n);
        } else {
            v = position < replay.length ? Math.min(Math.max(replay[position], 0), n - 1) : 0;
            position++;
        }
        drawn.add(v);
        return v;
    }

    /** True with about {@code percent} % probability; false (0) is the simpler answer. */
    public boolean chance(int percent) {
        return below(100) >= 100 - percent;
    }

    /** One of the options; the first is the simplest, so order them simplest first. */
    public <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }

    /** What was decided, as a replayable sequence. */
    public int[] sequence() {
        return drawn.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return Arrays.toString(sequence());
    }
}
