package io.mli.cli.finetune;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GetModelCustomizationJobRequest;
import software.amazon.awssdk.services.bedrock.model.GetModelCustomizationJobResponse;
import software.amazon.awssdk.services.bedrock.model.ModelCustomizationJobStatus;

/** {@code mli finetune status NAME}: the job's state, and what to do next. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Report a fine-tuning job (by name or ARN).")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Parameters(paramLabel = "NAME", description = "job name or ARN")
    String job;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (BedrockClient bedrock = aws.bedrock()) {
            GetModelCustomizationJobResponse r = bedrock.getModelCustomizationJob(
                    GetModelCustomizationJobRequest.builder().jobIdentifier(job).build());
            out.println("job:        " + r.jobName() + " (" + r.jobArn() + ")");
            out.println("status:     " + r.statusAsString());
            out.println("base model: " + r.baseModelArn());
            out.println("created:    " + r.creationTime() + (r.endTime() == null ? "" : "; ended " + r.endTime()));
            if (r.failureMessage() != null) {
                out.println("failure:    " + r.failureMessage());
            }
            if (r.outputModelArn() != null) {
                out.println("model:      " + r.outputModelName() + " (" + r.outputModelArn() + ")");
            }
            if (r.status() == ModelCustomizationJobStatus.COMPLETED) {
                out.println("Next: mli finetune deploy " + r.jobName()
                        + "  (or: aws bedrock create-custom-model-deployment --model-deployment-name NAME"
                        + " --model-arn " + r.outputModelArn() + ")");
            }
            return r.status() == ModelCustomizationJobStatus.FAILED ? 1 : 0;
        }
    }
}
