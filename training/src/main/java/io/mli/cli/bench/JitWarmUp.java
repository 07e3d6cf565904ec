package io.mli.cli.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Warm-up until HotSpot's JIT compiler is quiet. The compiler keeps compiling hot paths for tens of thousands of
 * titles; a round measured while it still competes with the workers for two cores reports its compilation pauses as
 * a p99 several times the steady state's (4.4 ms against 0.7 ms on the project's machine). So rounds run until one
 * spends under {@value #QUIET_SHARE} of its wall time compiling, or {@value #MAX_ROUNDS} have run.
 */
final class JitWarmUp {
    static final double QUIET_SHARE = 0.01;
    static final int MAX_ROUNDS = 12;

    /** One warm-up round; returns the seconds it took. */
    interface Round {
        double run() throws InterruptedException;
    }

    /** How many rounds ran, and whether the last was quiet ({@code false} when the compiler could not be watched). */
    record Outcome(int rounds, boolean quiet) {
    }

    private JitWarmUp() {
    }

    /** The JVM's total compilation time in ms, or null where the JVM does not report it (-Xint, some VMs). */
    static LongSupplier compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit::getTotalCompilationTime : null;
    }

    /** Runs rounds until one is quiet; with no compilation time to watch, one round. */
    static Outcome untilQuiet(Round round, LongSupplier compiledMillis) throws InterruptedException {
        for (int n = 1; ; n++) {
            long before = compiledMillis == null ? 0 : compiledMillis.getAsLong();
            double seconds = round.run();
            if (compiledMillis == null) {
                return new Outcome(n, false);
            }
            boolean quiet = compiledMillis.getAsLong() - before < QUIET_SHARE * seconds * 1000;
            if (quiet || n == MAX_ROUNDS) {
                return new Outcome(n, quiet);
            }
        }
    }
}
