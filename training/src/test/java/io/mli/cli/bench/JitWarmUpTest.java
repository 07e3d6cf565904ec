package io.mli.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The warm-up's stop rule, on a fake round and a fake compiler clock. */
class JitWarmUpTest {

    /** Rounds of 2 s; the compiler works {@code busy[i]} ms during round i (the last value repeats). */
    private static JitWarmUp.Outcome warmUp(AtomicInteger rounds, long... busy) throws InterruptedException {
        AtomicLong compiled = new AtomicLong();
        return JitWarmUp.untilQuiet(() -> {
            int i = rounds.getAndIncrement();
            compiled.addAndGet(busy[Math.min(i, busy.length - 1)]);
            return 2.0;
        }, compiled::get);
    }

    @Test
    void stopsAtTheFirstRoundThatSpendsUnderOnePercentCompiling() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        // 2 s rounds: under 20 ms of compiling is quiet.
        JitWarmUp.Outcome o = warmUp(rounds, 900, 300, 25, 19, 500);
        assertThat(o).isEqualTo(new JitWarmUp.Outcome(4, true));
        assertThat(rounds.get()).isEqualTo(4);
    }

    @Test
    void givesUpAfterTwelveBusyRoundsAndSaysSo() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        assertThat(warmUp(rounds, 100)).isEqualTo(new JitWarmUp.Outcome(JitWarmUp.MAX_ROUNDS, false));
        assertThat(rounds.get()).isEqualTo(12);
    }

    @Test
    void runsOneRoundWhereTheJvmDoesNotReportCompilationTime() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        JitWarmUp.Outcome o = JitWarmUp.untilQuiet(() -> {
            rounds.incrementAndGet();
            return 1.0;
        }, null);
        assertThat(o).isEqualTo(new JitWarmUp.Outcome(1, false));
        assertThat(rounds.get()).isEqualTo(1);
    }
}
