package io.mli.cli.finetune;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.mli.cli.Mli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The fine-tuning commands end to end: {@code prepare} on a small catalog, {@code submit} uploading to S3Mock and
 * calling a WireMock stand-in of the Bedrock control plane, {@code status} and {@code deploy} reading it back.
 */
class FinetuneCommandsTest {
    static final String BUCKET = "training-bucket";
    static final String JOB_ARN =
            "arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.nova-pro-v1:0:300k/x1y2z3";
    static final String MODEL_ARN = "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-pro-v1:0:300k/m1";
    static final String DEPLOYMENT_ARN = "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/d1";

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets(BUCKET).build();

    @TempDir
    Path dir;

    WireMockServer bedrock;

    @BeforeAll
    static void fakeCredentials() {
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
    }

    @AfterAll
    static void clearCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @BeforeEach
    void start() {
        bedrock = new WireMockServer(options().dynamicPort());
        bedrock.start();
    }

    @AfterEach
    void stop() {
        bedrock.stop();
    }

    record Run(int exit, String out, String err) {
    }

    static Run mli(String... args) {
        CommandLine cl = Mli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Path prepare() throws Exception {
        Path catalog = dir.resolve("catalog.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("{\"title\": \"Namjai Red Curry Paste " + (50 + i) + "g\", \"brand\": \"NAMJAI\"}");
        }
        Files.write(catalog, lines);
        Path data = dir.resolve("data");
        Run r = mli("finetune", "prepare", "--catalog", catalog.toString(), "--out", data.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("27 training and 3 validation records");
        assertThat(r.err()).contains("recommends at least 100");
        return data;
    }

    String[] aws() {
        return new String[] {"--region", "us-east-1", "--endpoint-url", bedrock.baseUrl(),
                "--s3-endpoint-url", "http://localhost:" + S3_MOCK.getHttpPort()};
    }

    @Test
    void submitUploadsTheDataAndCreatesTheCustomizationJob() throws Exception {
        Path data = prepare();
        bedrock.stubFor(post(urlEqualTo("/model-customization-jobs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"jobArn\":\"" + JOB_ARN + "\"}")));

        List<String> args = new ArrayList<>(List.of("finetune", "submit", "--data", data.toString(),
                "--s3", "s3://" + BUCKET + "/mli/ft/", "--role-arn", "arn:aws:iam::123456789012:role/BedrockFt",
                "--base-model", "amazon.nova-pro-v1:0:300k", "--name", "brand-ft-1", "--epochs", "3"));
        args.addAll(List.of(aws()));
        Run r = mli(args.toArray(String[]::new));

        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains(JOB_ARN).contains("mli finetune status brand-ft-1");
        try (S3Client s3 = S3_MOCK.createS3ClientV2()) {
            ResponseBytes<GetObjectResponse> train = s3.getObjectAsBytes(b -> b.bucket(BUCKET)
                    .key("mli/ft/brand-ft-1/train.jsonl"));
            assertThat(train.asUtf8String()).isEqualTo(Files.readString(data.resolve("train.jsonl")));
            assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("mli/ft/brand-ft-1/validation.jsonl"))
                    .asUtf8String()).isEqualTo(Files.readString(data.resolve("validation.jsonl")));
        }
        bedrock.verify(postRequestedFor(urlEqualTo("/model-customization-jobs"))
                .withRequestBody(matchingJsonPath("$.jobName", equalTo("brand-ft-1")))
                .withRequestBody(matchingJsonPath("$.customModelName", equalTo("brand-ft-1")))
                .withRequestBody(matchingJsonPath("$.roleArn", equalTo("arn:aws:iam::123456789012:role/BedrockFt")))
                .withRequestBody(matchingJsonPath("$.baseModelIdentifier", equalTo("amazon.nova-pro-v1:0:300k")))
                .withRequestBody(matchingJsonPath("$.customizationType", equalTo("FINE_TUNING")))
                .withRequestBody(matchingJsonPath("$.hyperParameters.epochCount", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.hyperParameters.learningRate", equalTo("1.0E-5")))
                .withRequestBody(matchingJsonPath("$.hyperParameters.learningRateWarmupSteps", equalTo("10")))
                .withRequestBody(matchingJsonPath("$.trainingDataConfig.s3Uri",
                        equalTo("s3://" + BUCKET + "/mli/ft/brand-ft-1/train.jsonl")))
                .withRequestBody(matchingJsonPath("$.validationDataConfig.validators[0].s3Uri",
                        equalTo("s3://" + BUCKET + "/mli/ft/brand-ft-1/validation.jsonl")))
                .withRequestBody(matchingJsonPath("$.outputDataConfig.s3Uri",
                        equalTo("s3://" + BUCKET + "/mli/ft/brand-ft-1/output/"))));
    }

    @Test
    void submitRefusesBadSettingsBeforeTouchingAws() throws Exception {
        Path data = prepare();
        List<String> args = new ArrayList<>(List.of("finetune", "submit", "--data", data.toString(),
                "--s3", "s3://" + BUCKET + "/p", "--role-arn", "arn:aws:iam::1:role/r",
                "--base-model", "amazon.nova-pro-v1:0:300k", "--name", "ok-name", "--epochs", "9"));
        args.addAll(List.of(aws()));
        Run r = mli(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--epochs must be 1 to 5");
        assertThat(bedrock.getAllServeEvents()).isEmpty();

        Run noData = mli("finetune", "submit", "--data", dir.resolve("none").toString(), "--s3", "s3://b/p",
                "--role-arn", "r", "--base-model", "m", "--name", "n");
        assertThat(noData.exit()).isEqualTo(2);
        assertThat(noData.err()).contains("mli finetune prepare");
    }

    @Test
    void statusReportsTheJobAndDeployPointsTheAgentAtTheModel() {
        bedrock.stubFor(get(urlPathEqualTo("/model-customization-jobs/brand-ft-1")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"jobArn":"%s","jobName":"brand-ft-1","status":"Completed",\
                        "outputModelArn":"%s","outputModelName":"brand-ft-1",\
                        "baseModelArn":"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0:300k",\
                        "roleArn":"arn:aws:iam::123456789012:role/BedrockFt",\
                        "creationTime":"2026-11-26T08:00:00Z","endTime":"2026-11-26T09:30:00Z",\
                        "trainingDataConfig":{"s3Uri":"s3://b/p/brand-ft-1/train.jsonl"},\
                        "outputDataConfig":{"s3Uri":"s3://b/p/brand-ft-1/output/"}}""".formatted(JOB_ARN, MODEL_ARN))));
        List<String> args = new ArrayList<>(List.of("finetune", "status", "brand-ft-1"));
        args.addAll(List.of(aws()));
        Run status = mli(args.toArray(String[]::new));
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("Completed").contains(MODEL_ARN).contains("mli finetune deploy brand-ft-1");

        bedrock.stubFor(post(urlPathEqualTo("/model-customization/custom-model-deployments")).willReturn(aResponse()
                .withStatus(202).withHeader("Content-Type", "application/json")
                .withBody("{\"customModelDeploymentArn\":\"" + DEPLOYMENT_ARN + "\"}")));
        args.set(1, "deploy");
        Run deploy = mli(args.toArray(String[]::new));
        assertThat(deploy.exit()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("BEDROCK_MODEL_ID=" + DEPLOYMENT_ARN);
        bedrock.verify(postRequestedFor(urlPathEqualTo("/model-customization/custom-model-deployments"))
                .withRequestBody(matchingJsonPath("$.modelArn", equalTo(MODEL_ARN)))
                .withRequestBody(matchingJsonPath("$.modelDeploymentName", equalTo("brand-ft-1-deployment"))));
    }

    @Test
    void aFailedJobExitsNonZeroWithItsReason() {
        bedrock.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"jobArn":"%s","jobName":"brand-ft-2","status":"Failed",\
                        "failureMessage":"Data validation failed: line 3 has an invalid role",\
                        "creationTime":"2026-11-26T08:00:00Z"}""".formatted(JOB_ARN))));
        List<String> args = new ArrayList<>(List.of("finetune", "status", "brand-ft-2"));
        args.addAll(List.of(aws()));
        Run r = mli(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Failed").contains("invalid role");
    }
}
