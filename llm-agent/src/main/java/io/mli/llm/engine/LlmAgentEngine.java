package io.mli.llm.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.Span;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.llm.LlmClient;
import io.mli.common.llm.LlmException;
import io.mli.common.llm.LlmRequest;
import io.mli.common.llm.LlmResponse;
import io.mli.common.llm.LlmSettings;
import io.mli.common.llm.ResilientLlmClient;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM agent's engine: one stateless call per title to Bedrock or an OpenAI-compatible server, behind retries, a
 * circuit breaker and a calls-per-minute budget. The title goes in as data with the candidate brands (the request's,
 * or the knowledge base's own finds); the structured answer is parsed strictly and checked against the title by
 * {@link AnswerChecker}, so a brand the model made up becomes an abstention. With no provider it is unavailable and
 * says why. Never throws from {@link #infer}: every failure is a status with a reason.
 *
 * <p>Statuses: {@code ok}; {@code abstained} (no brand in the title, refusal, or a brand that failed the check);
 * {@code skipped} (budget spent); {@code unavailable} (no provider, provider unreachable or misconfigured, circuit
 * open); {@code timeout}; {@code error} (throttled or failing after retries, unreadable answer). {@code usage} holds
 * {@code input_tokens}, {@code output_tokens}, {@code cost_usd}, {@code model} and {@code attempts} whenever the
 * provider answered.
 */
public final class LlmAgentEngine implements BrandAgent {
    private static final Logger LOG = LoggerFactory.getLogger(LlmAgentEngine.class);

    private final KnowledgeBase kb;
    private final ResilientLlmClient client;
    private final LlmSettings settings;
    private final LlmUsageListener usage;
    private final CallBudget budget;
    private final CandidateFinder candidates;
    private final AnswerChecker checker;
    private final String unavailableReason;

    /** {@code client} is null when no provider is configured ({@code LLM_PROVIDER=none}). */
    public LlmAgentEngine(KnowledgeBase kb, LlmClient client) {
        this(kb, client, LlmSettings.defaults());
    }

    public LlmAgentEngine(KnowledgeBase kb, LlmClient client, LlmSettings settings) {
        this(kb, client, settings, LlmUsageListener.NONE);
    }

    public LlmAgentEngine(KnowledgeBase kb, LlmClient client, LlmSettings settings, LlmUsageListener usage) {
        this(kb, client, settings, usage, InstantSource.system(), null);
    }

    /**
     * The full form: {@code clock} drives the call budget (tests), {@code whyNoClient} explains a null client (for
     * example {@link io.mli.common.llm.LlmClients#whyNone}).
     */
    public LlmAgentEngine(KnowledgeBase kb, LlmClient client, LlmSettings settings, LlmUsageListener usage,
                          InstantSource clock, String whyNoClient) {
        this.kb = kb;
        this.settings = settings;
        this.client = client == null ? null : new ResilientLlmClient(client, settings);
        this.usage = usage == null ? LlmUsageListener.NONE : usage;
        this.budget = new CallBudget(settings.callsPerMinute(), clock);
        this.candidates = new CandidateFinder(kb);
        this.checker = new AnswerChecker(kb);
        this.unavailableReason = client != null ? null
                : whyNoClient != null ? whyNoClient : "no LLM provider configured (LLM_PROVIDER=none)";
    }

    /**
     * The engine as the environment configures it ({@code LLM_PROVIDER}, {@code BEDROCK_*}, {@code OPENAI_*},
     * {@code LLM_*}; see {@link io.mli.common.llm.LlmClients}): what the service and {@code mli} both use. With
     * {@code LLM_PROVIDER=none} (the default) the engine is unavailable and says why. Throws
     * {@link IllegalArgumentException} for settings that are present but wrong, so a bad deployment fails at start.
     */
    public static LlmAgentEngine fromEnvironment(KnowledgeBase kb, Map<String, String> env, LlmUsageListener usage) {
        LlmSettings settings = LlmSettings.fromEnvironment(env);
        LlmClient client = io.mli.common.llm.LlmClients.fromEnvironment(env, settings).orElse(null);
        return new LlmAgentEngine(kb, client, settings, usage, InstantSource.system(),
                io.mli.common.llm.LlmClients.whyNone(env));
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public String unavailableReason() {
        return unavailableReason;
    }

    /** The provider and model, e.g. {@code bedrock:amazon.nova-pro-v1:0}, or null without one. */
    public String modelId() {
        return client == null ? null : client.id();
    }

    /** The circuit breaker's state ({@code CLOSED}, {@code OPEN}, …), or null without a provider: for health. */
    public String breakerState() {
        return client == null ? null : client.breakerState();
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        long start = System.nanoTime();
        AgentAnswer answer;
        try {
            answer = answer(request);
        } catch (RuntimeException e) {
            LOG.warn("LLM agent failed on a title", e);
            answer = AgentAnswer.failed(name(), AgentStatus.ERROR, "internal error: " + e);
        }
        return answer.withLatency((System.nanoTime() - start) / 1e6);
    }

    private AgentAnswer answer(InferenceRequest request) {
        if (client == null) {
            return AgentAnswer.failed(name(), AgentStatus.UNAVAILABLE, unavailableReason);
        }
        String title = request.title().strip();
        if (title.length() > InferenceRequest.MAX_TITLE_CHARS) {
            title = title.substring(0, InferenceRequest.MAX_TITLE_CHARS);
        }
        if (title.isEmpty()) {
            return AgentAnswer.abstained(name(), List.of(), null, "empty title");
        }
        List<Span> injected = InjectionGuard.find(title);
        List<Candidate> offered = candidates.find(title, request.candidates(), injected, settings.maxCandidates());
        if (!budget.tryAcquire()) {
            return AgentAnswer.failed(name(), AgentStatus.SKIPPED, "LLM call budget of " + budget.perMinute()
                    + " calls per minute is spent; skipping this title");
        }
        LlmRequest llmRequest = BrandPrompt.request(title, offered, settings);
        LlmResponse response;
        try {
            response = client.complete(llmRequest);
        } catch (LlmException e) {
            return AgentAnswer.failed(name(), statusOf(e.kind()), describe(e))
                    .withUsage(Map.of("model", client.id(), "attempts", client.lastAttempts()));
        }
        double cost = settings.costUsd(response.inputTokens(), response.outputTokens());
        usage.onCall(response.modelId(), response.inputTokens(), response.outputTokens(), cost);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("input_tokens", response.inputTokens());
        used.put("output_tokens", response.outputTokens());
        used.put("cost_usd", Math.round(cost * 1e8) / 1e8);
        used.put("model", response.modelId() == null ? client.id() : response.modelId());
        used.put("attempts", client.lastAttempts());
        return judge(title, response, offered, injected).withUsage(used);
    }

    private AgentAnswer judge(String title, LlmResponse response, List<Candidate> offered, List<Span> injected) {
        if (response.refused()) {
            return AgentAnswer.abstained(name(), List.of(), null, "the model declined to answer");
        }
        ModelAnswer parsed;
        try {
            parsed = ModelAnswer.parse(response.json());
        } catch (ModelAnswer.MalformedAnswerException e) {
            String cut = LlmResponse.MAX_TOKENS.equals(response.stopReason()) ? " (cut off at the token limit)" : "";
            return AgentAnswer.failed(name(), AgentStatus.ERROR, "unreadable model answer" + cut + ": "
                    + e.getMessage());
        }
        if (parsed.brand() == null) {
            return AgentAnswer.abstained(name(), List.of(), null, "the model found no brand"
                    + (parsed.evidence().isEmpty() ? "" : ": " + abbreviate(parsed.evidence())));
        }
        return switch (checker.check(title, parsed, offered, injected)) {
            case AnswerChecker.Accepted a -> AgentAnswer.ok(name(), a.brand(), List.of(), null,
                    "brand " + a.support());
            case AnswerChecker.Rejected r -> AgentAnswer.abstained(name(), List.of(), null, r.reason());
        };
    }

    static AgentStatus statusOf(LlmException.Kind kind) {
        return switch (kind) {
            case TIMEOUT -> AgentStatus.TIMEOUT;
            case UNREACHABLE, CONFIGURATION, CIRCUIT_OPEN -> AgentStatus.UNAVAILABLE;
            case THROTTLED, SERVER_ERROR, CLIENT_ERROR, MALFORMED -> AgentStatus.ERROR;
        };
    }

    private String describe(LlmException e) {
        String prefix = switch (e.kind()) {
            case THROTTLED -> "throttled by the LLM provider after " + client.lastAttempts() + " attempts: ";
            case SERVER_ERROR -> "the LLM provider failed after " + client.lastAttempts() + " attempts: ";
            case TIMEOUT -> "the LLM provider did not answer in time: ";
            case UNREACHABLE -> "the LLM provider is unreachable: ";
            case CONFIGURATION -> "the LLM provider refused the configuration (model id, access, credentials): ";
            case CIRCUIT_OPEN -> "circuit open: ";
            case CLIENT_ERROR -> "the LLM provider rejected the request: ";
            case MALFORMED -> "the LLM provider's answer was unreadable: ";
        };
        return prefix + abbreviate(e.getMessage());
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
