package io.mli.cli.finetune;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreateCustomModelDeploymentRequest;
import software.amazon.awssdk.services.bedrock.model.GetModelCustomizationJobRequest;
import software.amazon.awssdk.services.bedrock.model.ModelCustomizationJobStatus;

/**
 * {@code mli finetune deploy NAME}: creates an on-demand custom model deployment for a finished job's model and
 * prints the {@code BEDROCK_MODEL_ID} that points the LLM agent at it.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy a finished job's custom model for on-demand inference (CreateCustomModelDeployment).")
public final class DeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Parameters(paramLabel = "NAME", description = "job name or ARN")
    String job;

    @Option(names = "--deployment-name", description = "default: the job name followed by -deployment")
    String deploymentName;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (BedrockClient bedrock = aws.bedrock()) {
            var j = bedrock.getModelCustomizationJob(GetModelCustomizationJobRequest.builder().jobIdentifier(job).build());
            if (j.status() != ModelCustomizationJobStatus.COMPLETED || j.outputModelArn() == null) {
                err.println("error: job " + job + " is " + j.statusAsString() + "; deploy it once it has COMPLETED");
                return 1;
            }
            String name = deploymentName != null ? deploymentName : j.jobName() + "-deployment";
            String arn = bedrock.createCustomModelDeployment(CreateCustomModelDeploymentRequest.builder()
                    .modelDeploymentName(name).modelArn(j.outputModelArn())
                    .description("mli LLM agent: fine-tuned by job " + j.jobName()).build())
                    .customModelDeploymentArn();
            out.println("created deployment " + name + ": " + arn);
            out.println("Point the LLM agent at it once it is active:");
            out.println("  LLM_PROVIDER=bedrock BEDROCK_MODEL_ID=" + arn);
            return 0;
        }
    }
}
