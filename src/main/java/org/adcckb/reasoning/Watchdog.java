package org.adcckb.reasoning;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.kie.api.runtime.KieSession;

/**
 * Holds every evaluation to its time limit. Each thread that evaluates has one {@link Run} slot, reused
 * from scenario to scenario, so a scenario pays a few field writes, no scheduling and no listener; a single
 * daemon thread looks at the slots a few times per limit.
 *
 * <p>A run past its deadline is stopped in steps, each only if the one before did not end it: the session
 * is halted (ends a rule set that keeps firing), then, after a grace period, the thread is interrupted and
 * stopped ({@link Thread#stop()}, the only way to end a consequence that spins in plain Java code). The
 * stop lands inside the rule's code; the session is then reset by the pool like any other, and the run
 * reports a {@link RuleTimeoutException} naming the rule that was firing, read off the thread's stack at the
 * limit ({@link org.adcckb.engine.RunningRule}).
 */
final class Watchdog {

    private static final Watchdog INSTANCE = new Watchdog();

    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Run> mine = ThreadLocal.withInitial(this::register);
    private volatile long tick = 50;
    private Thread thread;

    static Watchdog get() {
        return INSTANCE;
    }

    /** The slot of the calling thread, armed for one scenario; close it in a finally block. */
    Run start(KieSession session, long maxMillis) {
        Run r = mine.get();
        r.arm(session, maxMillis);
        // A short limit needs a closer look than the default one.
        long t = Math.max(5, Math.min(50, maxMillis / 4));
        if (t < tick) {
            tick = t;
            LockSupport.unpark(thread);
        }
        return r;
    }

    private synchronized Run register() {
        Run r = new Run(Thread.currentThread());
        runs.add(r);
        if (thread == null) {
            thread = new Thread(this::watch, "adcc-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
        return r;
    }

    private void watch() {
        while (true) {
            LockSupport.parkNanos(tick * 1_000_000L);
            long now = System.nanoTime();
            for (Run r : runs) {
                if (!r.thread.isAlive()) {
                    runs.remove(r);
                } else {
                    r.check(now);
                }
            }
        }
    }

    /** One thread's evaluation in progress: its deadline and its session. */
    static final class Run implements AutoCloseable {
        private final Thread thread;
        private KieSession session;
        private volatile boolean active;
        private long startNanos;
        private long deadline;
        /** How long a stop waits for a static initialiser to finish; past it, a spinning initialiser is stopped too. */
        private static final long CLASS_INIT_GRACE_NANOS = 5_000_000_000L;
        private long maxMillis;
        /** 0 running; 1 halted; 2 stopped. Written under the slot's lock. */
        private int stage;
        private long stageOneAt;
        private volatile StackTraceElement[] atLimit;

        Run(Thread thread) {
            this.thread = thread;
        }

        private void arm(KieSession s, long ms) {
            synchronized (this) {
                session = s;
                maxMillis = ms;
                startNanos = System.nanoTime();
                deadline = startNanos + ms * 1_000_000L;
                stage = 0;
                atLimit = null;
                active = true;
            }
        }

        /** The evaluating thread's stack when the limit was reached, or null. */
        StackTraceElement[] atLimit() {
            return atLimit;
        }

        /** Whether the limit was reached, so what ended the run is the watchdog's doing. */
        synchronized boolean timedOut() {
            return stage > 0;
        }

        long maxMillis() {
            return maxMillis;
        }

        private synchronized void check(long now) {
            if (!active || now < deadline) {
                return;
            }
            if (stage == 0) {
                stage = 1;
                stageOneAt = now;
                atLimit = thread.getStackTrace();
                session.halt();
                deadline = now + Math.max(20, Math.min(1000, maxMillis / 10)) * 1_000_000L;
            } else if (stage == 1) {
                if (initialisingClass(thread) && now < stageOneAt + CLASS_INIT_GRACE_NANOS) {
                    // A stop in a class's static initialiser leaves that class unusable for the rest of the JVM
                    // (NoClassDefFoundError for every later scenario): wait for the initialiser to finish.
                    deadline = now + 5_000_000L;
                    return;
                }
                stage = 2;
                deadline = Long.MAX_VALUE;
                thread.interrupt();
                stop(thread);
            }
        }

        /** Whether {@code t} is running a static initialiser (a class's first use, in a JVM still starting). */
        private static boolean initialisingClass(Thread t) {
            for (StackTraceElement e : t.getStackTrace()) {
                if ("<clinit>".equals(e.getMethodName())) {
                    return true;
                }
            }
            return false;
        }

        @SuppressWarnings({"deprecation", "removal"})
        private static void stop(Thread t) {
            try {
                t.stop();
            } catch (UnsupportedOperationException e) {
                // Java 20 and later cannot stop a thread: the interrupt is all there is (docs/SECURITY.md).
            }
        }

        /**
         * Disarms the slot. A stop sent just before may still arrive: it is taken here, where it does no harm,
         * and the interrupt is cleared, so the thread's next scenario starts clean.
         */
        @Override
        public void close() {
            boolean stopped;
            while (true) {
                try {
                    synchronized (this) {
                        active = false;
                        stopped = stage == 2;
                        session = null;
                    }
                    break;
                } catch (ThreadDeath late) {
                    // the stop landed here; the slot is disarmed on the next turn
                }
            }
            if (stopped) {
                absorbLateStop();
            }
        }

        private static void absorbLateStop() {
            for (int i = 0; i < 3; i++) {
                try {
                    Thread.sleep(1);
                } catch (ThreadDeath | InterruptedException late) {
                    // expected: the stop or the interrupt sent at the limit
                }
            }
            Thread.interrupted();
        }
    }
}
