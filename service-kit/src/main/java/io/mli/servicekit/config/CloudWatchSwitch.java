package io.mli.servicekit.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the CloudWatch registry on with {@code MLI_CLOUDWATCH_ENABLED=true}. Spring Cloud AWS creates it whenever
 * {@code management.cloudwatch.metrics.export.namespace} is set, which would need AWS credentials and a region even
 * on a laptop; so the namespace ({@code MLI_METRICS_NAMESPACE}, default {@code MultilingualInference}) is only set
 * when the switch is on.
 */
public final class CloudWatchSwitch implements EnvironmentPostProcessor {
    static final String NAMESPACE = "management.cloudwatch.metrics.export.namespace";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean on = Boolean.parseBoolean(env.getProperty("MLI_CLOUDWATCH_ENABLED",
                env.getProperty("mli.cloudwatch.enabled", "false")));
        if (on && env.getProperty(NAMESPACE) == null) {
            String ns = env.getProperty("MLI_METRICS_NAMESPACE", "MultilingualInference");
            env.getPropertySources().addLast(new MapPropertySource("mliCloudWatch", Map.of(NAMESPACE, ns,
                    "management.cloudwatch.metrics.export.enabled", "true")));
        }
    }
}
