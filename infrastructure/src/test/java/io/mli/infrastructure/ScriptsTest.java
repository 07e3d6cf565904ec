package io.mli.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The deployment scripts: shellcheck, then their --help and --dry-run paths (and the real paths of the image build
 * and the ECS rollout) with stand-in {@code aws} and {@code docker} first on PATH, which record every call.
 */
class ScriptsTest {
  private static final String REGISTRY = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

  @TempDir
  Path temp;
  private Path stubs;
  private Path log;

  @BeforeAll
  static void tools() {
    Tools.require("bash", "apt-get install bash");
    Tools.require("jq", "apt-get install jq");
  }

  @BeforeEach
  void standIns() throws IOException {
    stubs = Files.createDirectories(temp.resolve("bin"));
    for (String stub : List.of("aws", "docker", "mli")) {
      try (var in = getClass().getResourceAsStream("/stubs/" + stub)) {
        Path target = stubs.resolve(stub);
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        target.toFile().setExecutable(true);
      }
    }
    log = temp.resolve("calls.log");
    Files.writeString(log, "");
  }

  static List<Path> scripts() {
    return Repo.list(Repo.SCRIPTS, ".sh");
  }

  private Tools.Result run(Map<String, String> extraEnv, String script, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", stubs + ":" + System.getenv("PATH"));
    env.put("MOCK_LOG", log.toString());
    env.put("IMAGE_TAG", "abc123");
    env.put("TMPDIR", temp.toString());
    for (String inherited : List.of("AWS_PROFILE", "AWS_DEFAULT_REGION", "AWS_REGION", "STACK_NAME",
        "ENVIRONMENT_NAME", "MILVUS_URI", "MILVUS_HOST", "MILVUS_PORT", "MILVUS_COLLECTION", "MLI_BIN")) {
      env.put(inherited, null);
    }
    env.putAll(extraEnv);
    List<String> command = new ArrayList<>(List.of("bash", script));
    command.addAll(List.of(args));
    return Tools.run(Repo.ROOT, env, command);
  }

  private List<String> calls() {
    return Repo.read(log).lines().toList();
  }

  private List<String> callsOf(String prefix) {
    return calls().stream().filter(c -> c.startsWith(prefix)).toList();
  }

  @Test
  void shellcheckPassesOnEveryScript() {
    Path shellcheck = Tools.require("shellcheck", "apt-get install shellcheck");
    List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "-x", "--severity=style"));
    Repo.shellScripts().forEach(p -> command.add(Repo.ROOT.relativize(p).toString()));

    Tools.Result result = Tools.run(Repo.ROOT, Map.of(), command);

    assertThat(Repo.shellScripts()).hasSizeGreaterThanOrEqualTo(9);
    assertThat(result.exit()).as(result.all()).isZero();
  }

  @Test
  void everyScriptIsStrictAndExecutable() {
    for (Path script : Repo.shellScripts()) {
      String text = Repo.read(script);
      if (!script.getParent().getFileName().toString().equals("lib")) {
        assertThat(script).isExecutable();
        assertThat(text).as(script.toString()).startsWith("#!/usr/bin/env bash").contains("set -euo pipefail");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void helpExplainsTheScriptAndCallsNothing(Path script) {
    Tools.Result result = run(Map.of(), script.toString(), "--help");

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(result.stdout()).startsWith("Usage: " + script.getFileName()).contains("--help").contains("--dry-run")
        .contains("AWS_PROFILE (default ml-sandbox)").contains("AWS_DEFAULT_REGION (default us-east-1)");
    assertThat(calls()).isEmpty();
  }

  @Test
  void deployCloudFormationDryRunCreatesAndDescribesAChangeSetWithoutExecutingIt() {
    Tools.Result result = run(Map.of(), Repo.SCRIPTS.resolve("deploy-cloudformation.sh").toString(), "--dry-run",
        "--parameter", "AlarmEmail=ops@example.com");

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(calls()).allMatch(c -> c.endsWith("[profile=ml-sandbox region=us-east-1]"));
    assertThat(callsOf("aws cloudformation package")).singleElement().asString()
        .contains("--template-file " + Repo.CFN.resolve("main-stack.yaml"))
        .contains("--s3-bucket multilingual-inference-cfn-artifacts-123456789012-us-east-1");
    assertThat(callsOf("aws s3api create-bucket")).hasSize(1);
    assertThat(callsOf("aws s3 cp")).hasSize(1);
    assertThat(callsOf("aws cloudformation create-change-set")).singleElement().asString()
        .contains("--stack-name multilingual-inference").contains("--change-set-type CREATE")
        .contains("ParameterKey=ImageTag,ParameterValue=abc123")
        .contains("ParameterKey=AlarmEmail,ParameterValue=ops@example.com")
        .contains("CAPABILITY_NAMED_IAM").contains("--template-url https://");
    assertThat(callsOf("aws cloudformation describe-change-set")).isNotEmpty();
    assertThat(callsOf("aws cloudformation execute-change-set")).isEmpty();
    assertThat(callsOf("aws cloudformation wait stack-")).isEmpty();
    assertThat(result.stderr()).contains("was not executed");
  }

  @Test
  void deployCloudFormationUpdatesKeepPreviousParametersAndHonourProfileAndRegion() {
    Tools.Result result = run(Map.of("MOCK_STACK_EXISTS", "1", "MOCK_BUCKET_EXISTS", "1", "AWS_PROFILE", "other",
        "AWS_DEFAULT_REGION", "eu-west-1"), Repo.SCRIPTS.resolve("deploy-cloudformation.sh").toString());

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(calls()).allMatch(c -> c.endsWith("[profile=other region=eu-west-1]"));
    assertThat(callsOf("aws s3api create-bucket")).isEmpty();
    assertThat(callsOf("aws cloudformation create-change-set")).singleElement().asString()
        .contains("--change-set-type UPDATE").contains("ParameterKey=AlarmEmail,UsePreviousValue=true")
        .contains("ParameterKey=ImageTag,ParameterValue=abc123").doesNotContain("ImageTag,UsePreviousValue");
    assertThat(callsOf("aws cloudformation execute-change-set")).hasSize(1);
    assertThat(callsOf("aws cloudformation wait stack-update-complete")).hasSize(1);
  }

  @Test
  void deployCloudFormationWithNothingToChangeChangesNothing() {
    Tools.Result result = run(Map.of("MOCK_STACK_EXISTS", "1", "MOCK_BUCKET_EXISTS", "1", "MOCK_NO_CHANGES", "1"),
        Repo.SCRIPTS.resolve("deploy-cloudformation.sh").toString());

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(result.stderr()).contains("nothing to change");
    assertThat(callsOf("aws cloudformation delete-change-set")).hasSize(1);
    assertThat(callsOf("aws cloudformation execute-change-set")).isEmpty();
  }

  @Test
  void deployMilvusRunsExactlyOneTaskAndChecksItsHealth() {
    Tools.Result result = run(Map.of("MOCK_STACK_EXISTS", "1", "MOCK_IMAGES_EXIST", "1", "MOCK_DESIRED", "0"),
        Repo.SCRIPTS.resolve("deploy-milvus.sh").toString());

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(callsOf("aws ecs register-task-definition")).hasSize(1);
    assertThat(callsOf("aws ecs update-service")).hasSize(1);
    assertThat(callsOf("aws application-autoscaling register-scalable-target")).singleElement().asString()
        .contains("\"MinCapacity\":1,\"MaxCapacity\":1");
    assertThat(callsOf("aws application-autoscaling put-scaling-policy")).isEmpty();
    assertThat(callsOf("aws ecs describe-tasks")).singleElement().asString().contains("healthStatus");
    String files = Repo.read(Path.of(log + ".files"));
    assertThat(files).contains("\"desiredCount\": 1").contains("\"maximumPercent\": 100")
        .contains("\"fileSystemId\": \"mock-FileSystemId\"").contains("\"accessPointId\": \"mock-MilvusDataAccessPointId\"")
        .contains("\"valueFrom\": \"mock-MinioSecretArn:password::\"")
        .contains("\"image\": \"" + REGISTRY + "/multilingual-inference/milvus:abc123\"")
        .contains("\"image\": \"quay.io/coreos/etcd:v3.5.18\"")
        .doesNotContain("${");
  }

  @Test
  void missingCredentialsStopWithAClearMessage() {
    Tools.Result result = run(Map.of("MOCK_NO_CREDENTIALS", "1"),
        Repo.SCRIPTS.resolve("deploy-cloudformation.sh").toString(), "--dry-run");

    assertThat(result.exit()).isNotZero();
    assertThat(result.stderr()).contains("no usable AWS credentials for profile 'ml-sandbox'")
        .contains("aws sso login --profile ml-sandbox");
    assertThat(callsOf("aws cloudformation")).isEmpty();
  }

  @Test
  void aMissingToolStopsWithAClearMessage() throws IOException {
    // A PATH with bash and the basics but neither aws nor docker.
    Path bare = Files.createDirectories(temp.resolve("bare"));
    for (String tool : List.of("bash", "dirname", "basename", "cat", "git", "sed", "mktemp", "rm", "date", "jq")) {
      Tools.find(tool).ifPresent(p -> link(bare.resolve(tool), p));
    }
    Tools.Result noAws = Tools.run(Repo.ROOT, Map.of("PATH", bare.toString(), "MOCK_LOG", log.toString()),
        List.of(bare.resolve("bash").toString(), Repo.SCRIPTS.resolve("deploy-ecs.sh").toString()));
    link(bare.resolve("aws"), stubs.resolve("aws"));
    Tools.Result noDocker = Tools.run(Repo.ROOT, Map.of("PATH", bare.toString(), "MOCK_LOG", log.toString()),
        List.of(bare.resolve("bash").toString(), Repo.SCRIPTS.resolve("build-and-push-images.sh").toString()));

    assertThat(noAws.exit()).isNotZero();
    assertThat(noAws.stderr()).contains("'aws' is not installed or not on PATH").contains("Install the AWS CLI v2");
    assertThat(noDocker.exit()).isNotZero();
    assertThat(noDocker.stderr()).contains("'docker' is not installed or not on PATH");
  }

  private static void link(Path link, Path target) {
    try {
      Files.createSymbolicLink(link, target);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void buildAndPushDryRunPlansArm64BuildsTaggedWithTheCommitAndPushesNothing() {
    Tools.Result result = run(Map.of(), Repo.SCRIPTS.resolve("build-and-push-images.sh").toString(), "--dry-run");

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(callsOf("docker")).containsExactly("docker buildx version");
    assertThat(callsOf("aws ecr describe-repositories")).hasSize(6);
    assertThat(callsOf("aws ecr create-repository")).isEmpty();
    for (String service : Fleet.ALL) {
      assertThat(result.stderr()).contains("would run: docker buildx build --platform linux/arm64 --file "
          + Repo.DOCKER.resolve("Dockerfile." + service) + " --tag " + REGISTRY + "/multilingual-inference/"
          + service + ":abc123");
    }
  }

  @Test
  void buildAndPushLogsInBuildsArm64AndPushesThenSkipsWhatIsAlreadyThere() throws IOException {
    Tools.Result first = run(Map.of("MOCK_REPOS_EXIST", "1"),
        Repo.SCRIPTS.resolve("build-and-push-images.sh").toString(), "--service", "ner", "--service", "orchestrator");

    assertThat(first.exit()).as(first.all()).isZero();
    assertThat(callsOf("docker login")).containsExactly("docker login --username AWS --password-stdin " + REGISTRY);
    assertThat(callsOf("docker buildx build")).containsExactly(
        "docker buildx build --platform linux/arm64 --file " + Repo.DOCKER.resolve("Dockerfile.ner") + " --tag "
            + REGISTRY + "/multilingual-inference/ner:abc123 --provenance=false --push " + Repo.ROOT,
        "docker buildx build --platform linux/arm64 --file " + Repo.DOCKER.resolve("Dockerfile.orchestrator")
            + " --tag " + REGISTRY + "/multilingual-inference/orchestrator:abc123 --provenance=false --push " + Repo.ROOT);

    Files.writeString(log, "");
    Tools.Result again = run(Map.of("MOCK_REPOS_EXIST", "1", "MOCK_IMAGES_EXIST", "1"),
        Repo.SCRIPTS.resolve("build-and-push-images.sh").toString(), "--service", "ner");

    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(callsOf("docker buildx build")).isEmpty();
    assertThat(again.stderr()).contains("multilingual-inference/ner:abc123 is already in ECR: skipped");
  }

  @Test
  void setupMilvusStorageDryRunChecksTheFileSystemAndOnlySaysItWouldEnableBackups() {
    Tools.Result result = run(Map.of("MOCK_STACK_EXISTS", "1", "MOCK_BACKUP", "DISABLED"),
        Repo.SCRIPTS.resolve("setup-milvus-storage.sh").toString(), "--dry-run");

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(callsOf("aws efs describe-file-systems --file-system-id mock-FileSystemId")).hasSize(1);
    assertThat(callsOf("aws efs describe-mount-targets")).hasSize(1);
    assertThat(callsOf("aws efs describe-access-points")).hasSize(2);
    assertThat(callsOf("aws efs put-backup-policy")).isEmpty();
    assertThat(result.stderr()).contains("would run: aws efs put-backup-policy --file-system-id mock-FileSystemId");
  }

  @Test
  void deployMilvusDryRunRendersOneTaskAndChangesNothing() {
    Tools.Result result = run(Map.of("MOCK_STACK_EXISTS", "1", "MOCK_IMAGES_EXIST", "1"),
        Repo.SCRIPTS.resolve("deploy-milvus.sh").toString(), "--dry-run");

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(callsOf("aws ecs register-task-definition")).isEmpty();
    assertThat(callsOf("aws ecs update-service")).isEmpty();
    assertThat(callsOf("aws application-autoscaling")).isEmpty();
    assertThat(result.stderr())
        .contains("would run: aws application-autoscaling register-scalable-target --cli-input-json")
        .contains("\"ResourceId\":\"service/mock-ClusterName/multilingual-inference-milvus\"")
        .contains("\"MinCapacity\":1,\"MaxCapacity\":1")
        .doesNotContain("put-scaling-policy").doesNotContain("${");
  }

  @Test
  void deployEcsDryRunPlansEveryServiceWithItsScaling() {
    Tools.Result result = run(Map.of("MOCK_STACK_EXISTS", "1"), Repo.SCRIPTS.resolve("deploy-ecs.sh").toString(),
        "--dry-run");

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(callsOf("aws ecs register-task-definition")).isEmpty();
    assertThat(callsOf("aws ecs update-service")).isEmpty();
    assertThat(callsOf("aws application-autoscaling")).isEmpty();
    assertThat(callsOf("aws ecs describe-services")).hasSize(10);
    for (String service : Fleet.AGENTS) {
      Fleet.Size size = Fleet.SIZES.get(service);
      assertThat(result.stderr()).contains("\"ResourceId\":\"service/mock-ClusterName/multilingual-inference-"
          + service + "\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":" + size.min()
          + ",\"MaxCapacity\":" + size.max());
    }
    assertThat(result.stderr()).contains("not in ECR yet").doesNotContain("${");
  }

  @Test
  void deployEcsRegistersTheRenderedTaskDefinitionUpdatesTheServiceAndAppliesScaling() {
    Tools.Result result = run(Map.of("MOCK_STACK_EXISTS", "1", "MOCK_IMAGES_EXIST", "1", "MOCK_DESIRED", "3",
        "MOCK_KB_PREFIX", "kb"), Repo.SCRIPTS.resolve("deploy-ecs.sh").toString(), "--service", "orchestrator");

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(callsOf("aws ecs register-task-definition")).hasSize(1);
    assertThat(callsOf("aws ecs update-service")).hasSize(1);
    assertThat(callsOf("aws application-autoscaling register-scalable-target")).hasSize(1);
    assertThat(callsOf("aws application-autoscaling put-scaling-policy")).hasSize(2);
    assertThat(callsOf("aws application-autoscaling put-scheduled-action")).hasSize(2);
    assertThat(callsOf("aws ecs wait services-stable")).hasSize(1);
    String files = Repo.read(Path.of(log + ".files"));
    assertThat(files)
        .contains("\"image\": \"" + REGISTRY + "/multilingual-inference/orchestrator:abc123\"")
        .contains("\"executionRoleArn\": \"mock-TaskExecutionRoleArn\"")
        .contains("\"value\": \"http://ner.multilingual-inference.local:8081\"")
        .contains("\"value\": \"s3://mock-ModelBucketName/kb\"")
        .contains("\"value\": \"DEBUG\"")
        .contains("\"taskDefinition\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/new:2\"")
        // never below the current desired count (3) although the minimum is 2
        .contains("\"desiredCount\": 3")
        .doesNotContain("${");
  }

  @Test
  void theMilvusHealthWrapperRunsMliAndPublishesTheResult() {
    Path wrapper = Repo.INFRA.resolve("monitoring/milvus-health-check.sh");
    Map<String, String> env = Map.of("MLI_BIN", stubs.resolve("mli").toString());

    Tools.Result healthy = run(env, wrapper.toString(), "--collection", "mli_products", "--expect-rows", "100",
        "--json", "--publish");
    Map<String, String> failing = new HashMap<>(env);
    failing.put("MOCK_MLI_EXIT", "3");
    Tools.Result unhealthy = run(failing, wrapper.toString(), "--uri", "http://127.0.0.1:19530", "--publish");

    assertThat(healthy.exit()).isZero();
    assertThat(unhealthy.exit()).isEqualTo(3);
    assertThat(callsOf("mli")).containsExactly(
        "mli milvus health --uri http://milvus.multilingual-inference.local:19530 --collection mli_products"
            + " --expect-rows 100 --json",
        "mli milvus health --uri http://127.0.0.1:19530");
    assertThat(callsOf("aws cloudwatch put-metric-data")).containsExactly(
        "aws cloudwatch put-metric-data --namespace MultilingualInference --metric-name mli.milvus.healthy --value 1"
            + " --unit Count [profile=ml-sandbox region=us-east-1]",
        "aws cloudwatch put-metric-data --namespace MultilingualInference --metric-name mli.milvus.healthy --value 0"
            + " --unit Count [profile=ml-sandbox region=us-east-1]");
  }
}
