package org.adcckb.reasoning;

/** A class whose static initialiser takes 1.5 s of CPU (not interruptible), for {@link ClassInitStopTest}. */
public final class SlowInit {

    static {
        long end = System.nanoTime() + 1_500_000_000L;
        long spin = 0;
        while (System.nanoTime() < end) {
            spin++;
        }
        SPUN = spin;
    }

    private static final long SPUN;

    private SlowInit() {
    }

    /** Whether the class is initialised: true once its initialiser ran. */
    public static boolean touch() {
        return SPUN >= 0;
    }
}
