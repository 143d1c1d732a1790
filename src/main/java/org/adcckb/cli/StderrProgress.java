package org.adcckb.cli;

import java.io.PrintWriter;
import org.adcckb.whatif.Progress;

/**
 * Progress on stderr, once a second, only for work that takes longer than a second: a quick answer prints
 * nothing but its answer, and standard output is never touched.
 */
final class StderrProgress implements Progress {
    private final PrintWriter err;
    private final String command;
    private final String unit;
    private final java.util.function.LongSupplier clock;
    private final long start;
    private long lastReport;
    private boolean reported;

    /**
     * @param command the command's name, which begins each line
     * @param unit    what is counted, in the plural ("combinations")
     */
    StderrProgress(PrintWriter err, String command, String unit) {
        this(err, command, unit, System::nanoTime);
    }

    /** As above, with the clock (nanoseconds) given, so that the once-a-second rule can be tested. */
    StderrProgress(PrintWriter err, String command, String unit, java.util.function.LongSupplier clock) {
        this.err = err;
        this.command = command;
        this.unit = unit;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastReport = start;
    }

    @Override
    public synchronized void update(long done, long total) {
        long now = clock.getAsLong();
        boolean last = done == total;
        if ((now - lastReport >= 1_000_000_000L && now - start >= 1_000_000_000L) || (last && reported)) {
            err.printf("%s: %d/%d %s (%d%%)%n", command, done, total, unit, total == 0 ? 100 : 100L * done / total);
            err.flush();
            lastReport = now;
            reported = true;
        }
    }
}
