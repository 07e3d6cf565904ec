package io.mli.infrastructure;

import static io.mli.infrastructure.Cfn.list;
import static io.mli.infrastructure.Cfn.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ARM64 everywhere; wildcards in IAM only where AWS allows nothing narrower, each one commented. */
class PlatformAndIamTest {
  private static final List<String> TEMPLATES = Repo.list(Repo.CFN, ".yaml").stream()
      .map(p -> p.getFileName().toString()).toList();
  /** Actions that support no resource-level permission: AWS requires Resource "*". */
  private static final Set<String> RESOURCELESS_ACTIONS =
      Set.of("ecr:GetAuthorizationToken", "cloudwatch:PutMetricData", "cloudwatch:DescribeAlarms");
  /** Resource policies, where "*" means the resource the policy is attached to. */
  private static final Set<String> RESOURCE_POLICIES = Set.of("KeyPolicy", "FileSystemPolicy");

  @Test
  void everyTaskDefinitionRunsOnArm64() {
    int checked = 0;
    for (String name : TEMPLATES) {
      Cfn cfn = Cfn.load(name);
      for (String td : cfn.ofType("AWS::ECS::TaskDefinition")) {
        assertThat(map(cfn.properties(td), "RuntimePlatform"))
            .as(name + " " + td).containsEntry("CpuArchitecture", "ARM64").containsEntry("OperatingSystemFamily", "LINUX");
        checked++;
      }
    }
    for (Path json : Repo.list(Repo.ECS.resolve("task-definitions"), ".json")) {
      assertThat(map(Fleet.json(json), "runtimePlatform")).as(json.toString())
          .containsEntry("cpuArchitecture", "ARM64").containsEntry("operatingSystemFamily", "LINUX");
      checked++;
    }
    assertThat(checked).isEqualTo(12);
  }

  @Test
  void imagesAreBuiltForArm64AndNothingNamesAnotherArchitecture() {
    assertThat(Repo.read(Repo.SCRIPTS.resolve("build-and-push-images.sh"))).contains("--platform linux/arm64");
    List<Path> files = Stream.of(Repo.list(Repo.DOCKER, ""), Repo.list(Repo.CFN, ".yaml"),
            Repo.list(Repo.ECS.resolve("task-definitions"), ".json"), Repo.list(Repo.SCRIPTS, ".sh"))
        .flatMap(List::stream).filter(p -> p.toFile().isFile()).toList();
    assertThat(files).hasSizeGreaterThan(20);
    for (Path file : files) {
      assertThat(Repo.read(file).toLowerCase()).as(file.toString())
          .doesNotContain("amd64").doesNotContain("x86_64").doesNotContain("linux/arm/v7");
    }
    for (String service : Fleet.ALL) {
      assertThat(Repo.read(Repo.DOCKER.resolve("Dockerfile." + service)))
          .contains("--platform linux/arm64").doesNotContain("FROM --platform=linux/");
    }
  }

  /** One policy statement and where it sits. */
  private record Statement(String template, String path, Map<String, Object> body) {
    List<String> values(String key) {
      Object v = body.get(key);
      return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : v == null ? List.of() : List.of(String.valueOf(v));
    }
  }

  private static void collect(String template, String path, Object node, List<Statement> out) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("Statement") instanceof List<?> statements) {
        for (Object s : statements) {
          out.add(new Statement(template, path, map(Map.of("s", s), "s")));
        }
      }
      m.forEach((k, v) -> collect(template, path + "." + k, v, out));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collect(template, path, v, out));
    }
  }

  @Test
  void wildcardsOnlyWhereAwsRequiresThem() {
    List<Statement> statements = new ArrayList<>();
    for (String name : TEMPLATES) {
      collect(name, "", Cfn.load(name).resources(), statements);
    }
    assertThat(statements).hasSizeGreaterThan(15);

    for (Statement s : statements) {
      boolean resourcePolicy = RESOURCE_POLICIES.stream().anyMatch(p -> s.path().contains("." + p));
      if (s.values("Action").contains("*")) {
        // Only a deny in a resource policy may name every action (the EFS "TLS only" rule).
        assertThat(s.body().get("Effect")).as(s.toString()).isEqualTo("Deny");
        assertThat(resourcePolicy).as(s.toString()).isTrue();
      }
      if (s.values("Resource").contains("*")) {
        assertThat(resourcePolicy || RESOURCELESS_ACTIONS.containsAll(s.values("Action")))
            .as("Resource \"*\" with actions that allow a narrower resource: " + s).isTrue();
      }
    }
  }

  @Test
  void everyWildcardCarriesACommentSayingWhy() {
    int wildcards = 0;
    for (String name : TEMPLATES) {
      List<String> lines = Repo.read(Repo.CFN.resolve(name)).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).matches("\\s*(Action|Resource): '\\*'.*")) {
          wildcards++;
          List<String> before = lines.subList(Math.max(0, i - 3), i);
          assertThat(before).as(name + " line " + (i + 1) + ": a wildcard needs a '# AWS requires' comment above it")
              .anyMatch(l -> l.contains("# AWS requires"));
        }
      }
    }
    assertThat(wildcards).isGreaterThanOrEqualTo(5);
  }

  @Test
  void theExecutionRoleAndTaskRolesAreScopedToThisFleet() {
    Cfn main = Cfn.load("main-stack.yaml");
    String execution = main.properties("TaskExecutionRole").toString();
    String llm = main.properties("LlmTaskRole").toString();
    String service = main.properties("ServiceTaskRole").toString();

    assertThat(execution).contains("repository/${EnvironmentName}/*").contains("log-group:/ecs/${EnvironmentName}-*:*");
    assertThat(llm).contains("bedrock:InvokeModel");
    assertThat(service).doesNotContain("bedrock:").contains("s3:GetObject").doesNotContain("s3:PutObject");
    assertThat(main.properties("MilvusTaskRole").toString()).contains("elasticfilesystem:ClientMount")
        .doesNotContain("s3:").doesNotContain("bedrock:");
    assertThat(list(map(main.properties("ServiceTaskRole"), "AssumeRolePolicyDocument"), "Statement").toString())
        .contains("ecs-tasks.amazonaws.com");
  }
}
