package org.adcckb.daemon;

import java.util.function.IntConsumer;

/**
 * SIGINT and SIGTERM as the client receives them, handed to whoever passes them on to the daemon. The
 * first of them is passed on; a second one, later than a second after, ends the client at once, as a
 * second Ctrl-C would end a batch that is finishing its chunk.
 */
public final class Signals {

    private final boolean ofThisProcess;
    private volatile IntConsumer target;
    private volatile boolean seen;
    private volatile int first;
    private volatile long firstAt;
    /** A signal repeated within this time is the same one, delivered twice. */
    private static final long DUPLICATE_NANOS = 1_000_000_000L;

    private Signals(boolean ofThisProcess) {
        this.ofThisProcess = ofThisProcess;
    }

    /** Signals of this process; the JVM's own handling (its shutdown) no longer applies to them. */
    @SuppressWarnings("removal")
    static Signals install() {
        Signals s = new Signals(true);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> s.received(sig.getNumber()));
            } catch (IllegalArgumentException e) {
                // the signal is not available here (the JVM reserves it): the JVM's default stays
            }
        }
        return s;
    }

    /** A source that never fires, for tests that send signals by hand. */
    public static Signals none() {
        return new Signals(false);
    }

    boolean ofThisProcess() {
        return ofThisProcess;
    }

    void onSignal(IntConsumer consumer) {
        target = consumer;
    }

    /** As if the process had received signal {@code number}. */
    public void received(int number) {
        IntConsumer t = target;
        long now = System.nanoTime();
        if (seen && number == first && now - firstAt < DUPLICATE_NANOS) {
            return; // the same signal twice at once: Ctrl-C reaches both the client and its launcher, which passes it on
        }
        if (seen || t == null) {
            if (ofThisProcess) {
                Runtime.getRuntime().halt(128 + number); // as the signal's default would end it
            }
            return;
        }
        seen = true;
        first = number;
        firstAt = now;
        t.accept(number);
    }
}
