package io.mli.cli.finetune;

import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Region and endpoint overrides shared by the fine-tuning commands (endpoints: VPC endpoints, or test stand-ins). */
public final class AwsOptions {
    @Option(names = "--region", description = "AWS region (default: AWS_DEFAULT_REGION, else us-east-1)")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Bedrock control-plane endpoint override")
    URI endpointUrl;

    @Option(names = "--s3-endpoint-url", paramLabel = "URL",
            description = "S3 endpoint override (path-style addressing is used with it)")
    URI s3EndpointUrl;

    String region() {
        if (region != null && !region.isBlank()) {
            return region;
        }
        String env = System.getenv("AWS_DEFAULT_REGION");
        return env == null || env.isBlank() ? "us-east-1" : env;
    }

    BedrockClient bedrock() {
        var b = BedrockClient.builder().region(Region.of(region()));
        if (endpointUrl != null) {
            b.endpointOverride(endpointUrl);
        }
        return b.build();
    }

    S3Client s3() {
        var b = S3Client.builder().region(Region.of(region()));
        if (s3EndpointUrl != null) {
            b.endpointOverride(s3EndpointUrl).forcePathStyle(true);
        }
        return b.build();
    }
}
