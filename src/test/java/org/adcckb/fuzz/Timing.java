package org.adcckb.fuzz;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Reports (never asserts) what each fuzz test cost, in wall time and in CPU time of the test JVM, with
 * the seed and case count: the suite is meant to stay cheap in CI, and on a busy machine the CPU time
 * tells more than the wall time.
 */
final class Timing implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Timing.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("start", new long[] {System.nanoTime(), cpu()});
    }

    @Override
    public void afterEach(ExtensionContext context) {
        long[] start = context.getStore(NS).get("start", long[].class);
        System.out.printf("fuzz: %s.%s, seed %d, %d cases: %.1f s wall, %.1f s CPU%n", context.getRequiredTestClass().getSimpleName(),
                context.getRequiredTestMethod().getName(), Fuzz.seed(), Fuzz.cases(), (System.nanoTime() - start[0]) / 1e9,
                (cpu() - start[1]) / 1e9);
    }

    private static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
