package io.mli.cli.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.mli.cli.CliRun;
import io.mli.common.io.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code mli ops status} against a local stub of the ECS API (JSON 1.1) and of the fleet's endpoints. */
class OpsStatusCommandTest {
    static final String TARGET = "AmazonEC2ContainerServiceV20141113.";
    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:service/multilingual-inference-cluster/";
    static final String TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/";

    WireMockServer ecs;
    WireMockServer alb;

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @BeforeEach
    void start() {
        ecs = new WireMockServer(wireMockConfig().dynamicPort());
        alb = new WireMockServer(wireMockConfig().dynamicPort());
        ecs.start();
        alb.start();
    }

    @AfterEach
    void stop() {
        ecs.stop();
        alb.stop();
    }

    void stubCluster() {
        ecs.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TARGET + "ListServices"))
                .willReturn(okJson("{\"serviceArns\":[\"" + ARN + "multilingual-inference-orchestrator\",\""
                        + ARN + "multilingual-inference-ner\",\"" + ARN + "multilingual-inference-milvus\"]}")
                        .withHeader("Content-Type", "application/x-amz-json-1.1")));
        ecs.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TARGET + "DescribeServices"))
                .willReturn(okJson("""
                        {"services": [
                          {"serviceName": "multilingual-inference-orchestrator", "status": "ACTIVE",
                           "desiredCount": 3, "runningCount": 2, "pendingCount": 1,
                           "deployments": [
                             {"id": "ecs-svc/2", "status": "PRIMARY", "rolloutState": "IN_PROGRESS",
                              "taskDefinition": "%1$smultilingual-inference-orchestrator:8", "desiredCount": 3,
                              "runningCount": 1, "pendingCount": 1, "failedTasks": 0, "updatedAt": 1795683600.0},
                             {"id": "ecs-svc/1", "status": "ACTIVE", "rolloutState": "COMPLETED",
                              "taskDefinition": "%1$smultilingual-inference-orchestrator:7", "desiredCount": 0,
                              "runningCount": 1, "pendingCount": 0, "failedTasks": 2, "updatedAt": 1795680000.0}],
                           "events": [
                             {"id": "e1", "createdAt": 1795680000.0, "message": "(service orchestrator) has reached a steady state."},
                             {"id": "e2", "createdAt": 1795683600.0, "message": "(service orchestrator) has started 1 tasks."}]},
                          {"serviceName": "multilingual-inference-ner", "status": "ACTIVE",
                           "desiredCount": 1, "runningCount": 1, "pendingCount": 0,
                           "deployments": [
                             {"id": "ecs-svc/3", "status": "PRIMARY", "rolloutState": "COMPLETED",
                              "taskDefinition": "%1$smultilingual-inference-ner:4", "desiredCount": 1,
                              "runningCount": 1, "pendingCount": 0, "failedTasks": 0, "updatedAt": 1795680000.0}],
                           "events": []},
                          {"serviceName": "multilingual-inference-milvus", "status": "ACTIVE",
                           "desiredCount": 1, "runningCount": 0, "pendingCount": 0, "deployments": [], "events": []}],
                         "failures": []}
                        """.formatted(TD)).withHeader("Content-Type", "application/x-amz-json-1.1")));
    }

    void stubFleet() {
        alb.stubFor(get("/").willReturn(okJson("""
                {"service": "orchestrator", "status": "up",
                 "knowledge_base": {"version": "kb-2026.11.26", "brands": 1200, "source": "s3://models/kb"},
                 "agents": [{"name": "ner", "status": "UP", "knowledge_base": "kb-2026.11.26"},
                            {"name": "rag", "status": "UP", "knowledge_base": "kb-2026.11.20"}]}
                """)));
        // Still loading a new version: 503, but it reports what it has.
        alb.stubFor(get("/ner/health").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"DOWN\",\"service\":\"ner-agent\",\"reason\":\"loading\","
                        + "\"knowledge_base\":\"kb-2026.11.25\"}")));
        // /rag/health answers 404 (no JSON): the orchestrator's view is used instead.
    }

    @Test
    void showsCountsDeploymentsEventsAndKnowledgeBaseVersions() {
        stubCluster();
        stubFleet();
        CliRun run = CliRun.of("ops", "status", "--cluster", "multilingual-inference-cluster", "--region",
                "us-east-1", "--endpoint-url", ecs.baseUrl(), "--url", alb.baseUrl(), "--events", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).contains("cluster multilingual-inference-cluster (us-east-1): 3 services");
        assertThat(out).containsPattern("multilingual-inference-orchestrator\\s+ACTIVE\\s+3\\s+2\\s+1\\s+kb-2026.11.26");
        assertThat(out).containsPattern("multilingual-inference-ner\\s+ACTIVE\\s+1\\s+1\\s+0\\s+kb-2026.11.25");
        assertThat(out).containsPattern("multilingual-inference-milvus\\s+ACTIVE\\s+1\\s+0\\s+0\\s+-");
        assertThat(out).contains("deployment PRIMARY  IN_PROGRESS  multilingual-inference-orchestrator:8  desired 3 "
                + "running 1 pending 1 failed 0");
        assertThat(out).contains("multilingual-inference-orchestrator:7").contains("failed 2");
        // --events 1: only the latest event.
        assertThat(out).contains("has started 1 tasks.").doesNotContain("has reached a steady state.");

        ecs.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "ListServices"))
                .withRequestBody(matchingJsonPath("$.cluster", equalTo("multilingual-inference-cluster"))));
        ecs.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET + "DescribeServices"))
                .withRequestBody(equalToJson("{\"cluster\":\"multilingual-inference-cluster\",\"services\":[\""
                        + ARN + "multilingual-inference-orchestrator\",\"" + ARN + "multilingual-inference-ner\",\""
                        + ARN + "multilingual-inference-milvus\"]}")));
    }

    @Test
    void jsonOutputCarriesTheSameFacts() {
        stubCluster();
        stubFleet();
        CliRun run = CliRun.of("ops", "status", "--endpoint-url", ecs.baseUrl(), "--region", "us-east-1",
                "--url", alb.baseUrl(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = Json.MAPPER.readTree(run.out());
        assertThat(doc.path("cluster").asString()).isEqualTo("multilingual-inference-cluster");
        JsonNode orch = doc.path("services").get(2);
        assertThat(orch.path("name").asString()).isEqualTo("multilingual-inference-orchestrator");
        assertThat(orch.path("pending").asInt()).isEqualTo(1);
        assertThat(orch.path("knowledge_base").asString()).isEqualTo("kb-2026.11.26");
        assertThat(orch.path("deployments").get(0).path("rollout_state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(orch.path("events")).hasSize(2);
        assertThat(doc.path("services").get(0).path("name").asString()).isEqualTo("multilingual-inference-milvus");
    }

    @Test
    void withoutUrlItSaysHowToGetVersionsAndAnUnknownClusterFails() {
        stubCluster();
        CliRun run = CliRun.of("ops", "status", "--endpoint-url", ecs.baseUrl(), "--region", "us-east-1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("add --url");

        ecs.resetAll();
        ecs.stubFor(post("/").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ClusterNotFoundException\",\"message\":\"Cluster not found.\"}")));
        CliRun missing = CliRun.of("ops", "status", "--cluster", "nope", "--endpoint-url", ecs.baseUrl(),
                "--region", "us-east-1");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read cluster nope").contains("Cluster not found");
    }
}
