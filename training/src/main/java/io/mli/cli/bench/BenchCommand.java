package io.mli.cli.bench;

import io.mli.cli.Engines;
import io.mli.cli.eval.Report;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.io.CatalogReader;
import io.mli.common.io.CatalogRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mli bench}: in-process throughput and latency percentiles per method, with N threads taking titles from a
 * file in turn. Warms up first, by default until the JIT compiler is quiet, so the figures describe the steady state.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure in-process throughput (titles/s) and latency percentiles per method.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--kb", description = "Knowledge-base directory (default: the starter knowledge base).")
    Path kb;

    @Option(names = "--data", required = true, description = "Titles to run (JSONL or CSV with title).")
    Path data;

    @Option(names = "--threads", defaultValue = "2", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--methods", defaultValue = "orchestrator,ner,rag,hybrid", split = ",",
            description = "Methods to measure (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--titles", defaultValue = "20000", description = "Titles per method (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--warmup", defaultValue = "auto", description = "Warm-up titles per method, or auto (default): "
            + "rounds of --titles until one spends under 1% of its time in the JIT compiler (at most 12), so the "
            + "figures describe the steady state; one round where the JVM does not report compilation time.")
    String warmup;

    /** The figures for one method. */
    public record Result(String method, int threads, int titles, double seconds, double perSecond, double p50,
                         double p90, double p99, double max) {
        String line() {
            return String.format(Locale.ROOT, "%-13s %7d %8.0f %9.3f %9.3f %9.3f %9.3f", method, threads, perSecond,
                    p50, p90, p99, max);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || count < 1) {
            System.err.println("mli bench: --threads and --titles must be at least 1");
            return 2;
        }
        Integer fixedWarmup = null;
        if (!"auto".equalsIgnoreCase(warmup)) {
            try {
                fixedWarmup = Integer.parseInt(warmup.strip());
            } catch (NumberFormatException e) {
                fixedWarmup = -1;
            }
            if (fixedWarmup < 0) {
                System.err.println("mli bench: --warmup must be auto or a number of titles (0 or more), not "
                        + warmup);
                return 2;
            }
        }
        if (!Files.isRegularFile(data)) {
            System.err.println("mli bench: no such file: " + data);
            return 2;
        }
        List<String> titles = CatalogReader.readAll(data, new ArrayList<>()).stream().map(CatalogRow::title).toList();
        if (titles.isEmpty()) {
            System.err.println("mli bench: no titles in " + data);
            return 2;
        }
        long t0 = System.nanoTime();
        try (Engines engines = Engines.open(kb)) {
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "kb=%s loaded in %.2f s (knowledge base, NER model, index, calibration); "
                            + "titles=%d threads=%d heap=%dMB cpus=%d%n", engines.kb().version(), loadSeconds,
                    titles.size(), threads, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("method        threads  titles/s   p50 ms    p90 ms    p99 ms    max ms");
            for (String m : methods) {
                Method method = Method.parse(m);
                int warmedUp = warmUp(engines, method, titles, fixedWarmup);
                Result result = run(engines, method, titles, count);
                System.out.println(result.line() + "   (after " + warmedUp + " warm-up titles)");
            }
        }
        return 0;
    }

    /** Warms the method up ({@code fixed} titles, or until the JIT compiler is quiet) and returns how many it took. */
    private int warmUp(Engines engines, Method method, List<String> titles, Integer fixed)
            throws InterruptedException {
        if (fixed != null) {
            if (fixed > 0) {
                run(engines, method, titles, fixed);
            }
            return fixed;
        }
        JitWarmUp.Outcome o = JitWarmUp.untilQuiet(() -> run(engines, method, titles, count).seconds(),
                JitWarmUp.compilationMillis());
        if (!o.quiet()) {
            System.err.printf(Locale.ROOT, "mli bench: %s: %s after %d warm-up titles; its figures may include "
                            + "the compiler's work%n", method.wire(), JitWarmUp.compilationMillis() == null
                            ? "this JVM does not report compilation time" : "the JIT compiler was still busy",
                    o.rounds() * count);
        }
        return o.rounds() * count;
    }

    public Result run(Engines engines, Method method, List<String> titles, int n) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long[][] latencies = new long[threads][];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread.ofPlatform().name("bench-" + t).start(() -> {
                long[] mine = new long[n / threads + 1];
                int k = 0;
                try {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        String title = titles.get(i % titles.size());
                        long s = System.nanoTime();
                        engines.orchestrator().infer(InferenceRequest.of(title), method, Mode.CASCADE);
                        if (k == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[k++] = System.nanoTime() - s;
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    latencies[id] = Arrays.copyOf(mine, k);
                    done.countDown();
                }
            });
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("mli bench: " + method.wire() + " failed: " + failure.get(), failure.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] ms = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().mapToDouble(x -> x / 1e6)
                .toArray();
        return new Result(method.wire(), threads, n, seconds, n / seconds, Report.percentile(ms, 0.50),
                Report.percentile(ms, 0.90), Report.percentile(ms, 0.99), ms.length == 0 ? 0 : ms[ms.length - 1]);
    }
}
