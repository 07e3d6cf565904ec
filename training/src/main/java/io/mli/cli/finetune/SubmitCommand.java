package io.mli.cli.finetune;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreateModelCustomizationJobRequest;
import software.amazon.awssdk.services.bedrock.model.CustomizationType;
import software.amazon.awssdk.services.bedrock.model.OutputDataConfig;
import software.amazon.awssdk.services.bedrock.model.TrainingDataConfig;
import software.amazon.awssdk.services.bedrock.model.ValidationDataConfig;
import software.amazon.awssdk.services.bedrock.model.Validator;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** {@code mli finetune submit --s3 s3://B/P --role-arn ARN --base-model ID --name NAME}. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Upload the prepared data to S3 and start a Bedrock fine-tuning job.",
                "The data goes to s3://BUCKET/PREFIX/NAME/, the job (CreateModelCustomizationJob) is named NAME,",
                "and its output goes to s3://BUCKET/PREFIX/NAME/output/."})
public final class SubmitCommand implements Callable<Integer> {
    /** Bedrock's rule for job and model names. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9+\\-.])*");

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Option(names = "--data", defaultValue = "finetune", paramLabel = "DIR",
            description = "what mli finetune prepare wrote (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--s3", required = true, paramLabel = "s3://BUCKET/PREFIX", description = "where to upload")
    String s3;

    @Option(names = "--role-arn", required = true, paramLabel = "ARN",
            description = "service role Bedrock assumes to read the data and write the output")
    String roleArn;

    @Option(names = "--base-model", required = true, paramLabel = "ID",
            description = "e.g. amazon.nova-pro-v1:0:300k, amazon.nova-lite-v1:0:300k, amazon.nova-micro-v1:0:128k")
    String baseModel;

    @Option(names = "--name", required = true, description = "job name; also the custom model's name")
    String name;

    @Option(names = "--epochs", defaultValue = "2", description = "1 to 5 (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--learning-rate", defaultValue = "0.00001",
            description = "1e-6 to 1e-4 (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--warmup-steps", defaultValue = "10", description = "0 to 100 (default: ${DEFAULT-VALUE})")
    int warmupSteps;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = problem();
        if (problem != null) {
            err.println("error: " + problem);
            return 2;
        }
        if (!NovaLimits.BASE_MODELS.contains(baseModel)) {
            err.println("warning: " + baseModel + " is not one of the Nova models known to be fine-tunable "
                    + NovaLimits.BASE_MODELS + "; submitting anyway");
        }
        S3Location where = S3Location.parse(s3);
        Path train = data.resolve("train.jsonl");
        Path validation = data.resolve("validation.jsonl");
        String trainKey = name + "/train.jsonl";
        String validationKey = name + "/validation.jsonl";
        try (S3Client s3Client = aws.s3()) {
            upload(s3Client, where, trainKey, train);
            out.println("uploaded " + where.uri(trainKey));
            if (Files.isRegularFile(validation)) {
                upload(s3Client, where, validationKey, validation);
                out.println("uploaded " + where.uri(validationKey));
            }
        }
        var request = CreateModelCustomizationJobRequest.builder()
                .jobName(name)
                .customModelName(name)
                .roleArn(roleArn)
                .baseModelIdentifier(baseModel)
                .customizationType(CustomizationType.FINE_TUNING)
                .hyperParameters(Map.of("epochCount", Integer.toString(epochs),
                        "learningRate", Double.toString(learningRate),
                        "learningRateWarmupSteps", Integer.toString(warmupSteps)))
                .trainingDataConfig(TrainingDataConfig.builder().s3Uri(where.uri(trainKey)).build())
                .outputDataConfig(OutputDataConfig.builder().s3Uri(where.uri(name + "/output/")).build());
        if (Files.isRegularFile(validation)) {
            request.validationDataConfig(ValidationDataConfig.builder()
                    .validators(Validator.builder().s3Uri(where.uri(validationKey)).build()).build());
        }
        try (BedrockClient bedrock = aws.bedrock()) {
            String arn = bedrock.createModelCustomizationJob(request.build()).jobArn();
            out.println("started fine-tuning job " + name + ": " + arn);
            out.println("Follow it with: mli finetune status " + name);
        }
        return 0;
    }

    private String problem() {
        if (!NAME.matcher(name).matches() || name.length() > 63) {
            return "--name must be 1-63 letters, digits, '-', '+' or '.', starting with a letter or digit: " + name;
        }
        if (!Files.isRegularFile(data.resolve("train.jsonl"))) {
            return "no " + data.resolve("train.jsonl") + "; run mli finetune prepare --catalog FILE --out " + data;
        }
        if (epochs < NovaLimits.MIN_EPOCHS || epochs > NovaLimits.MAX_EPOCHS) {
            return "--epochs must be " + NovaLimits.MIN_EPOCHS + " to " + NovaLimits.MAX_EPOCHS;
        }
        if (learningRate < NovaLimits.MIN_LEARNING_RATE || learningRate > NovaLimits.MAX_LEARNING_RATE) {
            return "--learning-rate must be " + NovaLimits.MIN_LEARNING_RATE + " to " + NovaLimits.MAX_LEARNING_RATE;
        }
        if (warmupSteps < 0 || warmupSteps > NovaLimits.MAX_WARMUP_STEPS) {
            return "--warmup-steps must be 0 to " + NovaLimits.MAX_WARMUP_STEPS;
        }
        try {
            S3Location.parse(s3);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    private static void upload(S3Client s3, S3Location where, String name, Path file) {
        s3.putObject(PutObjectRequest.builder().bucket(where.bucket()).key(where.key(name))
                .contentType("application/jsonl").build(), RequestBody.fromFile(file));
    }
}
