package io.mli.orchestrator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.hybrid.service.HybridAgentApplication;
import io.mli.llm.service.LlmAgentApplication;
import io.mli.ner.service.NerAgentApplication;
import io.mli.rag.service.RagAgentApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * All five services in this JVM on free ports, wired to each other by URL, with the starter knowledge base: English,
 * Thai, mixed, batch and bad requests through the orchestrator, and the agents' own endpoints under both paths.
 * Time-outs are generous here (cold JITs on busy cores); the fault tests cover the real ones.
 */
class FleetEndToEndTest {
    static final List<TestServices.Running> RUNNING = new ArrayList<>();
    static String ner;
    static String rag;
    static String llm;
    static String hybrid;
    static String orchestrator;

    @BeforeAll
    static void startFleet() {
        ner = start(NerAgentApplication.class, NerAgentApplication.SERVICE);
        rag = start(RagAgentApplication.class, RagAgentApplication.SERVICE);
        llm = start(LlmAgentApplication.class, LlmAgentApplication.SERVICE);
        String[] urls = {"mli.agents.ner.url=" + ner, "mli.agents.rag.url=" + rag, "mli.agents.llm.url=" + llm,
            "mli.agents.ner.timeout=10s", "mli.agents.rag.timeout=10s", "mli.agents.llm.timeout=10s",
            "mli.agents.hybrid.timeout=10s"};
        hybrid = start(HybridAgentApplication.class, HybridAgentApplication.SERVICE, urls);
        orchestrator = start(OrchestratorApplication.class, OrchestratorApplication.SERVICE,
                OrchestratorApiTest.concat(urls, "mli.agents.hybrid.url=" + hybrid));
    }

    private static String start(Class<?> app, String service, String... props) {
        TestServices.Running r = TestServices.start(app, service, props);
        RUNNING.add(r);
        return r.url();
    }

    @AfterAll
    static void stopFleet() {
        RUNNING.reversed().forEach(TestServices.Running::close);
    }

    private static JsonNode infer(String body) {
        TestHttp.Response r = TestHttp.postJson(orchestrator + "/inference", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void english() {
        JsonNode j = infer("{\"product_name\": \"Eucerin Spotless Brightening Body Lotion 250ml\"}");
        assertThat(j.get("language").asString()).isEqualTo("en");
        assertThat(j.get("brand").get("name").asString()).isEqualTo("Eucerin");
        assertThat(j.get("agent_results").get(0).get("agent").asString()).isEqualTo("ner");
    }

    @Test
    void thai() {
        JsonNode j = infer("{\"product_name\": \"ยูเซอริน โลชั่นบำรุงผิวกาย 250 มล.\", \"language_hint\": \"th\"}");
        assertThat(j.get("language").asString()).isEqualTo("th");
        assertThat(j.get("brand").get("name").asString()).isEqualTo("Eucerin");
    }

    @Test
    void mixed() {
        JsonNode j = infer("{\"product_name\": \"[โปรแรง] Nivea Sun Protect SPF50 นีเวีย ซัน 50ml\", \"mode\": \"all\"}");
        assertThat(j.get("language").asString()).isEqualTo("mixed");
        assertThat(j.get("brand").get("name").asString()).isEqualTo("Nivea");
        assertThat(j.get("agent_results").size()).isEqualTo(4);
        JsonNode llmResult = j.get("agent_results").get(2);
        assertThat(llmResult.get("agent").asString()).isEqualTo("llm");
        assertThat(llmResult.get("status").asString()).isEqualTo("unavailable");
        assertThat(llmResult.get("detail").asString()).contains("no LLM provider");
    }

    @Test
    void noBrandAbstains() {
        JsonNode j = infer("{\"product_name\": \"Generic USB Cable 1m\"}");
        assertThat(j.get("brand").isNull()).isTrue();
        assertThat(j.get("abstain_reason").asString()).isNotBlank();
    }

    @Test
    void batch() {
        TestHttp.Response r = TestHttp.postJson(orchestrator + "/inference/batch", "{\"items\": ["
                + "{\"id\": \"1\", \"product_name\": \"iPhone 15 Pro Max สีดำ\"},"
                + "{\"id\": \"2\", \"product_name\": \"\"},"
                + "{\"id\": \"3\", \"product_name\": \"มาม่า รสต้มยำกุ้ง 55 กรัม\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results.get(0).get("result").get("brand").get("name").asString()).isEqualTo("Apple");
        assertThat(results.get(1).get("error").get("detail").asString()).contains("blank");
        assertThat(results.get(2).get("result").get("brand").get("name").asString()).isEqualTo("MAMA");
    }

    @Test
    void badRequests() {
        assertThat(TestHttp.postJson(orchestrator + "/inference", "{oops").status()).isEqualTo(400);
        assertThat(TestHttp.postJson(orchestrator + "/inference", "{\"product_name\": \"x\", \"method\": \"y\"}")
                .status()).isEqualTo(422);
        assertThat(TestHttp.post(orchestrator + "/inference", "x", "text/plain", Map.of()).status())
                .isEqualTo(415);
        TestHttp.Response llmOnly = TestHttp.postJson(orchestrator + "/inference",
                "{\"product_name\": \"Nivea\", \"method\": \"llm\"}");
        assertThat(llmOnly.status()).isEqualTo(503);
        assertThat(llmOnly.header("Retry-After")).isNotNull();
    }

    @Test
    void singleAgentMethods() {
        for (String method : new String[] {"ner", "rag", "hybrid"}) {
            JsonNode j = infer("{\"product_name\": \"Samsung Galaxy S24\", \"method\": \"" + method + "\"}");
            assertThat(j.get("method").asString()).isEqualTo(method);
            assertThat(j.get("agent_results").size()).isEqualTo(1);
            assertThat(j.get("agent_results").get(0).get("agent").asString()).isEqualTo(method);
        }
    }

    /**
     * The orchestrator's way of sparing the hybrid agent a call, over real HTTP: retrieval checks NER's candidates
     * beside its own answer, and the hybrid agent takes that check instead of asking retrieval.
     */
    @Test
    void retrievalChecksCandidatesAndTheHybridAgentTakesTheCheck() {
        String title = "Sony WALKMAN NW-A306";
        String sony = TestHttp.postJson(ner + "/infer", "{\"product_name\": \"" + title + "\"}").json()
                .get("brand").toString();
        TestHttp.Response r = TestHttp.postJson(rag + "/infer",
                "{\"product_name\": \"" + title + "\", \"check\": [" + sony + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode checked = r.json().get("checked");
        assertThat(checked.get("agent").asString()).isEqualTo("rag");
        assertThat(TestHttp.postJson(rag + "/infer", "{\"product_name\": \"" + title + "\"}").json().has("checked"))
                .isFalse();

        TestHttp.Response h = TestHttp.postJson(hybrid + "/infer", "{\"product_name\": \"" + title
                + "\", \"candidates\": [" + sony + "], \"checked\": " + checked + "}");
        assertThat(h.status()).as(h.body()).isEqualTo(200);
        assertThat(h.json().get("usage").get("rag").asString()).endsWith("(from caller)");
        assertThat(TestHttp.postJson(hybrid + "/infer", "{\"product_name\": \"" + title + "\", \"checked\": 5}")
                .status()).isEqualTo(400);
    }

    @Test
    void agentsServeBothPaths() {
        for (String path : new String[] {"/infer", "/ner/infer"}) {
            TestHttp.Response r = TestHttp.postJson(ner + path, "{\"product_name\": \"Sony WALKMAN NW-A306\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("agent").asString()).isEqualTo("ner");
            assertThat(r.json().get("status").asString()).isEqualTo("ok");
            assertThat(r.json().get("brand").get("name").asString()).isEqualTo("Sony");
            assertThat(r.json().has("latency_ms")).isTrue();
        }
        assertThat(TestHttp.postJson(hybrid + "/hybrid/infer", "{\"product_name\": \"Sony WALKMAN\"}").json()
                .get("agent").asString()).isEqualTo("hybrid");
        assertThat(TestHttp.postJson(rag + "/rag/infer", "{\"product_name\": \"Sony\"}").status()).isEqualTo(200);
        assertThat(TestHttp.postJson(ner + "/ner/infer", "{\"product_name\": \" \"}").status()).isEqualTo(400);

        assertThat(TestHttp.get(ner + "/ner/health").status()).isEqualTo(200);
        assertThat(TestHttp.get(rag + "/health").json().get("knowledge_base").asString()).startsWith("starter");
        assertThat(TestHttp.get(hybrid + "/hybrid/health").status()).isEqualTo(200);
        TestHttp.Response llmHealth = TestHttp.get(llm + "/llm/health");
        assertThat(llmHealth.status()).isEqualTo(503);
        assertThat(llmHealth.json().get("reason").asString()).contains("no LLM provider");
        // Ready (loaded) even though unable to answer: readiness is about loading, /health about answering.
        assertThat(TestHttp.get(llm + "/actuator/health/readiness").status()).isEqualTo(200);
        TestHttp.Response llmInfer = TestHttp.postJson(llm + "/llm/infer", "{\"product_name\": \"Nivea\"}");
        assertThat(llmInfer.status()).isEqualTo(503);
        assertThat(llmInfer.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void infoShowsTheAgents() {
        JsonNode info = TestHttp.get(orchestrator + "/").json();
        Map<String, String> status = new java.util.HashMap<>();
        info.get("agents").forEach(a -> status.put(a.get("name").asString(), a.get("status").asString()));
        assertThat(status).containsEntry("ner", "up").containsEntry("rag", "up").containsEntry("hybrid", "up")
                .containsEntry("llm", "down");
    }
}
