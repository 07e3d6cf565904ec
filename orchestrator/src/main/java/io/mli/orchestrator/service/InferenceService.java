package io.mli.orchestrator.service;

import io.mli.common.api.BatchResponse;
import io.mli.common.api.InferenceResponse;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.servicekit.agent.BackgroundLoad;
import io.mli.servicekit.metrics.FleetMetrics;
import io.mli.servicekit.web.ApiException;
import io.mli.servicekit.web.ParsedInference;
import io.mli.servicekit.web.RequestParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs inferences for the API: one title, or a batch in parallel (bounded) with results in order. Decides when the
 * answer is a 503: the chosen agent could not answer ({@code method} other than orchestrator), or none of the agents
 * could (orchestrator). An abstention is an answer (200 with {@code brand: null}).
 */
@Service
class InferenceService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InferenceService.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final Set<AgentStatus> ANSWERED = EnumSet.of(AgentStatus.OK, AgentStatus.ABSTAINED);
    private final BackgroundLoad<Fleet> fleet;
    private final FleetMetrics metrics;
    private final int batchParallelism;

    InferenceService(BackgroundLoad<Fleet> fleet, FleetMetrics metrics,
                     @Value("${mli.batch.parallelism:16}") int batchParallelism) {
        this.fleet = fleet;
        this.metrics = metrics;
        this.batchParallelism = Math.max(1, batchParallelism);
    }

    InferenceResponse infer(ParsedInference p, String requestId) {
        Fleet f = fleet.get();
        if (f == null) {
            throw ApiException.unavailable("the orchestrator is not ready: " + fleet.notReadyReason(), RETRY_AFTER);
        }
        long t0 = System.nanoTime();
        InferenceResult r = f.engine().infer(p.request(), p.method(), p.mode());
        List<AgentAnswer> answered = r.agentResults().stream().filter(a -> ANSWERED.contains(a.status())).toList();
        if (answered.isEmpty()) {
            metrics.inferenceError(p.method(), p.mode(), System.nanoTime() - t0);
            r.agentResults().forEach(metrics::agentCall);
            String why = r.agentResults().stream().map(a -> a.agent() + " " + a.status().wire()
                    + (a.detail() == null ? "" : " (" + a.detail() + ")")).collect(Collectors.joining("; "));
            LOG.warn("cannot answer ({} {}): {}", p.method().wire(), p.mode().wire(), why);
            throw ApiException.unavailable((p.method() == Method.ORCHESTRATOR ? "no agent could answer: "
                    : "the " + p.method().wire() + " agent could not answer: ") + why, RETRY_AFTER);
        }
        metrics.inference(r, System.nanoTime() - t0);
        return InferenceResponse.from(requestId, r);
    }

    BatchResponse batch(List<RequestParser.BatchEntry> entries, String requestId) {
        long t0 = System.nanoTime();
        List<BatchResponse.ItemResult> results = new ArrayList<>(entries.size());
        Semaphore slots = new Semaphore(batchParallelism);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<BatchResponse.ItemResult>> futures = new ArrayList<>(entries.size());
            for (RequestParser.BatchEntry e : entries) {
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return item(e, requestId);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<BatchResponse.ItemResult> fut : futures) {
                results.add(fut.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted", RETRY_AFTER);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        int errors = (int) results.stream().filter(r -> r.error() != null).count();
        return new BatchResponse(requestId, results.size(), errors, results, (System.nanoTime() - t0) / 1e6);
    }

    private BatchResponse.ItemResult item(RequestParser.BatchEntry e, String requestId) {
        ApiException error = e.error();
        if (error == null) {
            try {
                return new BatchResponse.ItemResult(e.index(), e.id(),
                        infer(e.parsed(), requestId + "/" + e.index()), null);
            } catch (ApiException ex) {
                error = ex;
            }
        }
        return new BatchResponse.ItemResult(e.index(), e.id(), null, new BatchResponse.Problem(
                error.status().value(), error.status().getReasonPhrase(), error.getMessage()));
    }
}
