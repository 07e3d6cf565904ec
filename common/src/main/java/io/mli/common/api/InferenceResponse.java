package io.mli.common.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.CategoryGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.domain.Span;
import java.util.List;
import java.util.Locale;

/**
 * The answer of {@code POST /inference}: the detected language, the brand with its calibrated confidence (null when
 * the system abstains, with {@code abstain_reason}), the runners-up, the category, the evidence (agents that agreed,
 * where the brand stands in the title) and every agent's own result. {@link #from} and {@link #toResult} convert to
 * and from the domain's {@link InferenceResult}, so a remote fleet and the in-process engines look the same.
 */
public record InferenceResponse(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("product_name") String productName,
        @JsonProperty("language") String language,
        @JsonProperty("method") String method,
        @JsonProperty("mode") String mode,
        @JsonProperty("brand") BrandView brand,
        @JsonProperty("abstain_reason") String abstainReason,
        @JsonProperty("alternatives") List<BrandView> alternatives,
        @JsonProperty("category") CategoryView category,
        @JsonProperty("evidence") EvidenceView evidence,
        @JsonProperty("agent_results") List<AgentResultView> agentResults,
        @JsonProperty("processing_time_ms") double processingTimeMs) {

    /** A brand as the API shows it; {@code confidence} is calibrated for the final answer. */
    public record BrandView(
            @JsonProperty("name") String name,
            @JsonProperty("id") String id,
            @JsonProperty("aliases") List<String> aliases,
            @JsonProperty("confidence") double confidence) {

        static BrandView of(BrandGuess g) {
            return g == null ? null : new BrandView(g.name(), g.id(), g.aliases(), round(g.score()));
        }

        BrandGuess toGuess(List<Evidence> evidence) {
            return new BrandGuess(id, name, aliases, confidence, evidence);
        }
    }

    /** The most likely category path and its confidence. */
    public record CategoryView(@JsonProperty("path") String path, @JsonProperty("confidence") double confidence) {
        static CategoryView of(CategoryGuess c) {
            return c == null ? null : new CategoryView(c.path(), round(c.confidence()));
        }
    }

    /** Why: the agents that agreed on the brand, its places in the title, and the signals behind it. */
    public record EvidenceView(
            @JsonProperty("agreed_agents") List<String> agreedAgents,
            @JsonProperty("spans") List<Span> spans,
            @JsonProperty("signals") List<Signal> signals) {
    }

    /** One signal behind the brand (gazetteer match, retrieval votes, the LLM, ...). */
    public record Signal(
            @JsonProperty("source") String source,
            @JsonProperty("span") Span span,
            @JsonProperty("detail") String detail,
            @JsonProperty("score") double score) {
    }

    /** One agent's part: how it ended, its brand and confidence, how long it took, and a short detail. */
    public record AgentResultView(
            @JsonProperty("agent") String agent,
            @JsonProperty("status") String status,
            @JsonProperty("brand") BrandView brand,
            @JsonProperty("confidence") Double confidence,
            @JsonProperty("latency_ms") double latencyMs,
            @JsonProperty("detail") String detail) {
    }

    public static InferenceResponse from(String requestId, InferenceResult r) {
        List<Signal> signals = r.brand() == null ? List.of() : r.brand().evidence().stream()
                .map(e -> new Signal(e.source(), e.span(), e.detail(), round(e.score()))).toList();
        List<AgentResultView> agents = r.agentResults().stream()
                .map(a -> new AgentResultView(a.agent(), a.status().wire(), BrandView.of(a.brand()),
                        a.brand() == null ? null : round(a.brand().score()), round(a.latencyMs()), a.detail()))
                .toList();
        return new InferenceResponse(requestId, r.productName(), r.language(), r.method().wire(),
                r.mode().wire(), BrandView.of(r.brand()), r.abstainReason(),
                r.alternatives().stream().map(BrandView::of).toList(), CategoryView.of(r.category()),
                new EvidenceView(r.agreedAgents(), r.spans(), signals), agents, round(r.processingTimeMs()));
    }

    /** Back to the domain's form (what {@code mli infer --url} hands to the same printers as in-process runs). */
    public InferenceResult toResult() {
        List<Evidence> evidence = this.evidence == null || this.evidence.signals() == null ? List.of()
                : this.evidence.signals().stream().map(s -> new Evidence(s.source(), s.span(), s.detail(), s.score()))
                        .toList();
        List<AgentAnswer> answers = agentResults == null ? List.of() : agentResults.stream()
                .map(a -> {
                    AgentStatus status = AgentStatus.valueOf(a.status().toUpperCase(Locale.ROOT));
                    BrandGuess b = a.brand() == null ? null : a.brand().toGuess(List.of());
                    return new AgentAnswer(a.agent(), status, status == AgentStatus.OK ? b : null,
                            status == AgentStatus.OK || b == null ? List.of() : List.of(b), null, a.detail(),
                            a.latencyMs(), null);
                })
                .toList();
        return new InferenceResult(productName, language, Method.parse(method), Mode.parse(mode),
                brand == null ? null : brand.toGuess(evidence), abstainReason,
                alternatives == null ? List.of() : alternatives.stream().map(b -> b.toGuess(List.of())).toList(),
                category == null ? null : new CategoryGuess(category.path(), category.confidence()),
                this.evidence == null ? List.of() : this.evidence.agreedAgents(),
                this.evidence == null ? List.of() : this.evidence.spans(), answers, processingTimeMs);
    }

    /** Four decimals are plenty for scores and milliseconds, and keep the JSON short. */
    static double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }
}
