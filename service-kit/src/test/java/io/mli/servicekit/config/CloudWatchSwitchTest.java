package io.mli.servicekit.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code MLI_CLOUDWATCH_ENABLED} switches the CloudWatch registry on (with {@code MLI_METRICS_NAMESPACE}); without it
 * there is none, so a laptop needs no AWS region or credentials. The endpoint points nowhere: nothing is sent.
 */
class CloudWatchSwitchTest {

    @SpringBootApplication
    static class App {
    }

    private static ConfigurableApplicationContext start(String endpoint, String... args) {
        String[] common = {"--spring.main.web-application-type=none", "--spring.cloud.aws.region.static=us-east-1",
            "--spring.cloud.aws.credentials.access-key=test", "--spring.cloud.aws.credentials.secret-key=test",
            "--spring.cloud.aws.cloudwatch.endpoint=" + endpoint, "--logging.level.root=WARN",
            "--management.cloudwatch.metrics.export.step=1h"};
        String[] all = java.util.Arrays.copyOf(common, common.length + args.length);
        System.arraycopy(args, 0, all, common.length, args.length);
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(all);
    }

    @Test
    void offByDefault() {
        try (ConfigurableApplicationContext ctx = start("http://127.0.0.1:9")) {
            assertThat(ctx.getBeansOfType(CloudWatchMeterRegistry.class)).isEmpty();
            assertThat(ctx.getBeansOfType(MeterRegistry.class)).isNotEmpty();
        }
    }

    @Test
    void onWithTheConfiguredNamespaceAndPublishes() {
        WireMockServer cloudWatch = new WireMockServer(options().dynamicPort());
        cloudWatch.start();
        try {
            cloudWatch.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
            try (ConfigurableApplicationContext ctx = start(cloudWatch.baseUrl(), "--MLI_CLOUDWATCH_ENABLED=true",
                    "--MLI_METRICS_NAMESPACE=MliTest")) {
                assertThat(ctx.getBeansOfType(CloudWatchMeterRegistry.class)).hasSize(1);
                assertThat(ctx.getEnvironment().getProperty(CloudWatchSwitch.NAMESPACE)).isEqualTo("MliTest");
                ctx.getBean(io.mli.servicekit.metrics.FleetMetrics.class).llmUsage(java.util.Map.of("input_tokens", 5));
            }
            // closing the registry publishes what it has: the request must have reached "CloudWatch"
            cloudWatch.verify(com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly(1),
                    postRequestedFor(anyUrl()));
        } finally {
            cloudWatch.stop();
        }
    }
}
