package org.adcckb.spark;

import java.io.PrintWriter;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Progress of a cohort on standard error, once a second and only when it changed: the partitions done of the
 * stages running. The results themselves go to files, so nothing here mixes with them.
 */
final class SparkProgress implements AutoCloseable {

    private static final long PERIOD_MILLIS = 1_000;

    private final Thread thread;
    private volatile boolean done;

    private SparkProgress(JavaSparkContext sc, PrintWriter err, String label) {
        this.thread = new Thread(() -> report(sc, err, label), "adcc-progress");
        this.thread.setDaemon(true);
    }

    static SparkProgress start(JavaSparkContext sc, PrintWriter err, String label) {
        SparkProgress p = new SparkProgress(sc, err, label);
        p.thread.start();
        return p;
    }

    private void report(JavaSparkContext sc, PrintWriter err, String label) {
        String last = "";
        try {
            while (!done) {
                Thread.sleep(PERIOD_MILLIS);
                StringBuilder line = new StringBuilder();
                for (int id : sc.statusTracker().getActiveStageIds()) {
                    SparkStageInfo stage = sc.statusTracker().getStageInfo(id);
                    if (stage != null) {
                        // The first job only counts lines, to number them over the whole input.
                        String what = stage.name().startsWith("zipWithIndex") ? "numbering lines" : "evaluating";
                        line.append(line.length() == 0 ? "" : "; ").append(what).append(": ").append(stage.numCompletedTasks())
                                .append(" of ").append(stage.numTasks()).append(" partitions done");
                    }
                }
                String now = line.toString();
                if (!now.isEmpty() && !now.equals(last) && !done) {
                    err.println(label + ": " + now);
                    err.flush();
                    last = now;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        done = true;
        thread.interrupt();
        try {
            thread.join(PERIOD_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
