package org.adcckb.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The fuzz suite's settings: a fixed default seed, so CI runs the same cases every time and a failure
 * replays, and a case count small enough for CI. Both can be overridden
 * ({@code mvn test -Dtest='*FuzzTest' -Dadcc.fuzz.seed=N -Dadcc.fuzz.cases=M}), and every
 * assertion message starts with the replay command.
 */
final class Fuzz {

    static final long DEFAULT_SEED = 20_260_412L;
    /** Scenario-reader cases; the command-line tests derive their (smaller) counts from it. */
    static final int DEFAULT_CASES = 1000;

    private Fuzz() {
    }

    static long seed() {
        return Long.parseLong(System.getProperty("adcc.fuzz.seed", Long.toString(DEFAULT_SEED)).strip());
    }

    static int cases() {
        int n = Integer.parseInt(System.getProperty("adcc.fuzz.cases", Integer.toString(DEFAULT_CASES)).strip());
        if (n < 1) {
            throw new IllegalArgumentException("adcc.fuzz.cases must be positive, got " + n);
        }
        return n;
    }

    /** A count that is {@code share} of the cases (for the slower command-line tests), at least {@code min}. */
    static int share(int perThousand, int min) {
        return Math.max(min, (int) Math.min(Integer.MAX_VALUE, (long) cases() * perThousand / 1000));
    }

    /**
     * The random source of case {@code i} of a test: independent of every other case, so a failing case
     * is the same whatever the count.
     */
    static Random random(String test, int i) {
        return new Random(seed() * 0x9E3779B97F4A7C15L + test.hashCode() * 31L + i);
    }

    /** The first words of every assertion message: how to run the same cases again. */
    static String replay(String testClass) {
        return "fuzz seed " + seed() + ", " + cases() + " cases (replay: mvn -B test -Dtest=" + testClass
                + " -Dadcc.fuzz.seed=" + seed() + " -Dadcc.fuzz.cases=" + cases() + ")";
    }

    /**
     * Keeps a failing input under target/fuzz-failures, so it can be looked at or fed to ./adcc by hand;
     * returns where, for the assertion message.
     */
    static Path keep(String name, byte[] input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Path f = dir.resolve(seed() + "-" + name);
            Files.write(f, input);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
