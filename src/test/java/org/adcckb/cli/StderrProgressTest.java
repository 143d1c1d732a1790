package org.adcckb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress shows once a second, only for work longer than a second, and ends at 100% once it showed. */
class StderrProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void quickWorkPrintsNothing() {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong();
        StderrProgress p = new StderrProgress(new PrintWriter(err), "whynot", "sets", now::get);
        for (int i = 1; i <= 100; i++) {
            now.addAndGet(SECOND / 200);
            p.update(i, 100);
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void longWorkPrintsOnceASecondAndTheEnd() {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong();
        StderrProgress p = new StderrProgress(new PrintWriter(err), "whynot", "sets", now::get);
        for (int i = 1; i <= 40; i++) {
            now.addAndGet(SECOND / 10); // 4 s in all
            p.update(i, 40);
        }
        assertThat(err.toString().lines()).containsExactly(
                "whynot: 10/40 sets (25%)", "whynot: 20/40 sets (50%)", "whynot: 30/40 sets (75%)", "whynot: 40/40 sets (100%)");
        assertThat(err.toString().lines()).allMatch(Cli::isProgress);
    }
}
