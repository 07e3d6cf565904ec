package io.mli.orchestrator.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public API against stub agents: every status code it promises, and the answer's shape. */
class OrchestratorApiTest {
    static AgentStubs stubs;
    static TestServices.Running orchestrator;
    static String url;

    @BeforeAll
    static void start() {
        stubs = new AgentStubs();
        String[] props = concat(stubs.urls(), "mli.agents.ner.timeout=10s", "mli.agents.rag.timeout=10s",
                "mli.agents.hybrid.timeout=10s", "mli.agents.llm.timeout=10s");
        orchestrator = TestServices.start(OrchestratorApplication.class, OrchestratorApplication.SERVICE, props);
        url = orchestrator.url();
    }

    @AfterAll
    static void stop() {
        if (orchestrator != null) {
            orchestrator.close();
        }
        stubs.close();
    }

    @BeforeEach
    void healthy() {
        stubs.healthy();
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void assertProblem(TestHttp.Response r, int status, String detailPart) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").intValue()).isEqualTo(status);
        assertThat(p.get("title").asString()).isNotBlank();
        assertThat(p.get("detail").asString()).contains(detailPart);
        assertThat(p.get("request_id").asString()).isNotBlank();
    }

    @Test
    void answersWithTheDocumentedShape() {
        TestHttp.Response r = TestHttp.post(url + "/inference", "{\"product_name\": \"Eucerin Body Lotion 250ml\"}",
                "application/json", Map.of("X-Request-Id", "req-123"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("X-Request-Id")).isEqualTo("req-123");
        JsonNode j = r.json();
        assertThat(j.get("request_id").asString()).isEqualTo("req-123");
        assertThat(j.get("product_name").asString()).isEqualTo("Eucerin Body Lotion 250ml");
        assertThat(j.get("language").asString()).isEqualTo("en");
        assertThat(j.get("method").asString()).isEqualTo("orchestrator");
        assertThat(j.get("mode").asString()).isEqualTo("cascade");
        assertThat(j.get("brand").get("name").asString()).isEqualTo("Eucerin");
        assertThat(j.get("brand").get("id").asString()).isEqualTo("eucerin");
        assertThat(j.get("brand").get("aliases").get(1).asString()).isEqualTo("ยูเซอริน");
        assertThat(j.get("brand").get("confidence").doubleValue()).isBetween(0.0, 1.0);
        assertThat(j.has("abstain_reason")).isTrue();
        assertThat(j.get("alternatives").isArray()).isTrue();
        assertThat(j.has("category")).isTrue();
        assertThat(j.get("evidence").get("agreed_agents").toString()).contains("ner", "rag");
        assertThat(j.get("evidence").get("spans").get(0).get("text").asString()).isEqualTo("Eucerin");
        JsonNode agents = j.get("agent_results");
        assertThat(agents.get(0).get("agent").asString()).isEqualTo("ner");
        assertThat(agents.get(0).get("status").asString()).isEqualTo("ok");
        assertThat(agents.get(0).get("confidence").doubleValue()).isPositive();
        assertThat(agents.get(0).get("latency_ms").doubleValue()).isPositive();
        assertThat(agents.get(0).has("detail")).isTrue();
        assertThat(j.get("processing_time_ms").doubleValue()).isPositive();
        // the request id travels on to the agents, across the engine's own threads
        for (String agent : new String[] {"ner", "rag"}) {
            stubs.server(agent).verify(postRequestedFor(urlEqualTo("/infer"))
                    .withHeader("X-Request-Id", equalTo("req-123"))
                    .withRequestBody(matchingJsonPath("$.product_name", equalTo("Eucerin Body Lotion 250ml"))));
        }
    }

    @Test
    void inferAliasAcceptsTitle() {
        TestHttp.Response r = TestHttp.postJson(url + "/infer", "{\"title\": \"ยูเซอริน โลชั่น\", \"mode\": \"all\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("language").asString()).isEqualTo("th");
        assertThat(r.json().get("mode").asString()).isEqualTo("all");
        assertThat(r.json().get("agent_results").size()).isEqualTo(4);
    }

    @Test
    void batchAnswersInOrderWithPerItemErrors() {
        TestHttp.Response r = TestHttp.postJson(url + "/inference/batch", "{\"items\": ["
                + "{\"id\": \"first\", \"product_name\": \"Eucerin lotion\"},"
                + "{\"id\": \"second\", \"product_name\": \"   \"},"
                + "{\"id\": \"third\", \"product_name\": \"Eucerin cream\", \"method\": \"ner\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("count").intValue()).isEqualTo(3);
        assertThat(j.get("errors").intValue()).isEqualTo(1);
        JsonNode results = j.get("results");
        assertThat(results.get(0).get("id").asString()).isEqualTo("first");
        assertThat(results.get(0).get("result").get("brand").get("name").asString()).isEqualTo("Eucerin");
        assertThat(results.get(1).get("id").asString()).isEqualTo("second");
        assertThat(results.get(1).get("error").get("status").intValue()).isEqualTo(400);
        assertThat(results.get(1).has("result")).isFalse();
        assertThat(results.get(2).get("index").intValue()).isEqualTo(2);
        assertThat(results.get(2).get("result").get("method").asString()).isEqualTo("ner");
    }

    @Test
    void badRequestsAre400() {
        assertProblem(TestHttp.postJson(url + "/inference", "{\"product_name\": "), 400, "not valid JSON");
        assertProblem(TestHttp.postJson(url + "/inference", ""), 400, "body is missing");
        assertProblem(TestHttp.postJson(url + "/inference", "{}"), 400, "product_name is required");
        assertProblem(TestHttp.postJson(url + "/inference", "{\"product_name\": \"  \"}"), 400, "blank");
        assertProblem(TestHttp.postJson(url + "/inference", "{\"product_name\": \"" + "x".repeat(1001) + "\"}"),
                400, "limit is 1,000");
        assertProblem(TestHttp.postJson(url + "/inference", "{\"product_name\": \"\\u0000\\u0001\\u001f\"}"), 400,
                "only control characters");
        assertProblem(TestHttp.postJson(url + "/inference", "{\"product_name\": true}"), 400, "must be a string");
        assertProblem(TestHttp.postJson(url + "/inference", "{\"product_name\": \"x\", \"top_k\": \"many\"}"), 400,
                "top_k must be an integer");
        assertProblem(TestHttp.postJson(url + "/inference", "\"just a string\""), 400, "must be a JSON object");
        StringBuilder many = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"product_name\": \"t\"}");
        }
        assertProblem(TestHttp.postJson(url + "/inference/batch", many.append("]}").toString()), 400,
                "at most 1000 items");
    }

    @Test
    void tooLargeBodiesAre413EvenWithoutALength() {
        String big = "{\"product_name\": \"" + "x".repeat(300 * 1024) + "\"}";
        assertProblem(TestHttp.postJson(url + "/inference", big), 413, "limit is 256 KB");
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(url + "/inference")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        assertProblem(TestHttp.send(chunked), 413, "larger than the limit of 256 KB");
    }

    @Test
    void wrongContentTypeIs415() {
        assertProblem(TestHttp.post(url + "/inference", "product_name=x", "text/plain", Map.of()), 415,
                "text/plain");
    }

    @Test
    void unknownMethodOrModeIs422() {
        assertProblem(TestHttp.postJson(url + "/inference", "{\"product_name\": \"x\", \"method\": \"oracle\"}"),
                422, "unknown method 'oracle'");
        assertProblem(TestHttp.postJson(url + "/inference", "{\"product_name\": \"x\", \"mode\": \"some\"}"),
                422, "unknown mode 'some'");
    }

    @Test
    void unavailableChosenAgentIs503WithRetryAfter() {
        TestHttp.Response r = TestHttp.postJson(url + "/inference", "{\"product_name\": \"x\", \"method\": \"llm\"}");
        assertProblem(r, 503, "no LLM provider configured");
        assertThat(r.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void noAgentAbleToAnswerIs503() {
        for (String agent : new String[] {"ner", "rag", "hybrid"}) {
            stubs.stub(agent, aResponse().withStatus(500).withBody("broken"));
        }
        TestHttp.Response r = TestHttp.postJson(url + "/inference", "{\"product_name\": \"Eucerin\"}");
        assertProblem(r, 503, "no agent could answer");
        assertThat(r.header("Retry-After")).isNotNull();
    }

    @Test
    void infoHealthDocsAndMetrics() {
        TestHttp.postJson(url + "/inference", "{\"product_name\": \"Eucerin\"}");
        JsonNode info = TestHttp.get(url + "/").json();
        assertThat(info.get("service").asString()).isEqualTo("orchestrator");
        assertThat(info.get("version").asString()).isNotBlank();
        assertThat(info.get("methods").toString()).contains("orchestrator", "ner", "rag", "llm", "hybrid");
        assertThat(info.get("agents").size()).isEqualTo(4);
        assertThat(info.get("agents").get(0).get("status").asString()).isEqualTo("up");
        assertThat(info.get("knowledge_base").get("version").asString()).startsWith("starter");

        assertThat(TestHttp.get(url + "/health").status()).isEqualTo(200);
        assertThat(TestHttp.get(url + "/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(TestHttp.get(url + "/actuator/health/readiness").status()).isEqualTo(200);

        TestHttp.Response docs = TestHttp.get(url + "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/inference", "/inference/batch", "product_name", "top_k");
        assertThat(TestHttp.get(url + "/swagger-ui/index.html").status()).isEqualTo(200);

        String prom = TestHttp.get(url + "/actuator/prometheus").body();
        assertThat(prom).contains("mli_inference_seconds_count{", "outcome=\"answered\"",
                "mli_agent_calls_seconds_count{", "agent=\"ner\"", "mli_inference_confidence_count");
    }

    @Test
    void apiKeysProtectInferenceButNotHealth() {
        try (TestServices.Running secured = TestServices.start(OrchestratorApplication.class,
                OrchestratorApplication.SERVICE, concat(stubs.urls(), "mli.api-keys=k1,k2",
                        "mli.agents.ner.timeout=10s", "mli.agents.rag.timeout=10s"))) {
            String body = "{\"product_name\": \"Eucerin\"}";
            assertProblem(TestHttp.postJson(secured.url() + "/inference", body), 401, "X-Api-Key");
            assertProblem(TestHttp.post(secured.url() + "/infer", body, "application/json",
                    Map.of("X-Api-Key", "nope")), 401, "not valid");
            assertThat(TestHttp.post(secured.url() + "/inference", body, "application/json",
                    Map.of("X-Api-Key", "k2")).status()).isEqualTo(200);
            assertThat(TestHttp.get(secured.url() + "/health").status()).isEqualTo(200);
            assertThat(TestHttp.get(secured.url() + "/actuator/health/readiness").status()).isEqualTo(200);
        }
    }
}
