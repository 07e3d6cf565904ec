package io.mli.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs infrastructure/validator (Node, with @aws-cdk/aws-service-spec): every template parses, every resource type
 * and property exists in the CloudFormation specification, required properties are present, and every Ref, GetAtt,
 * Sub variable, condition, nested-stack parameter and output resolves.
 */
class CloudFormationSpecTest {
  private static final Path VALIDATOR = Repo.INFRA.resolve("validator");
  private static Path node;

  @BeforeAll
  static void installValidator() {
    node = Tools.require("node", "apt-get install nodejs, or Node 18+");
    if (!Files.isDirectory(VALIDATOR.resolve("node_modules/@aws-cdk/aws-service-spec"))) {
      // .ci/setup runs this; a fresh checkout on a developer machine gets it here.
      Path npm = Tools.require("npm", "apt-get install npm");
      Tools.Result install = Tools.run(VALIDATOR, Map.of(),
          List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error"));
      assertThat(install.exit()).as("npm ci in infrastructure/validator:\n%s", install.all()).isZero();
    }
  }

  private static Tools.Result validate(Path... paths) {
    return validate(false, paths);
  }

  private static Tools.Result validate(boolean api, Path... paths) {
    List<String> command = new java.util.ArrayList<>(List.of(node.toString(), "validate.mjs"));
    if (api) {
      command.add("--api");
    }
    for (Path p : paths) {
      command.add(p.toString());
    }
    return Tools.run(VALIDATOR, Map.of(), command);
  }

  @Test
  void everyTemplatePassesTheSpecification() {
    Tools.Result result = validate(Repo.CFN);

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(result.stdout()).contains("5 templates").contains(": OK");
  }

  @Test
  void theValidatorCatchesEachKindOfMistake() throws Exception {
    Path broken = Path.of(getClass().getResource("/cfn-broken/parent.yaml").toURI());

    Tools.Result result = validate(broken);

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("Ref Missing resolves to nothing")
        .contains("unknown property NotAProperty")
        .contains("'Sometimes' is not one of")
        .contains("Ref Nowhere resolves to nothing")
        .contains("condition NoSuchCondition is not defined")
        .contains("unknown resource type AWS::NoSuch::Thing")
        .contains("required property Actions is missing")
        .contains("passes Unknown, which child.yaml does not declare")
        .contains("does not pass Required, which child.yaml requires")
        .contains("AWS::S3::Bucket has no attribute NoSuchAttribute")
        .contains("Child.Outputs.Missing: the child has no such output")
        .contains("Parameters.NeverUsed: never used");
  }

  @Test
  void theEcsJsonFilesUseTheRealFieldNamesAndTypes() {
    Tools.Result result = validate(true, Repo.ECS.resolve("task-definitions"), Repo.ECS.resolve("services"),
        Repo.ECS.resolve("autoscaling"));

    assertThat(result.exit()).as(result.all()).isZero();
    assertThat(result.stdout()).contains("18 files").contains(": OK");
  }

  @Test
  void theJsonCheckCatchesMisspeltFieldsAndWrongTypes() throws Exception {
    Path broken = Path.of(getClass().getResource("/ecs-broken/services/ner.json").toURI()).getParent().getParent();

    Tools.Result result = validate(true, broken.resolve("task-definitions"), broken.resolve("services"),
        broken.resolve("autoscaling"));

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.stdout())
        .contains("RuntimePlatform: unknown property CpuArch")
        .contains("ContainerDefinitions[0]: unknown property ReadonlyRootFileSystem")
        .contains("scalableTarget.MinCapacity: expected a number")
        .contains("unknown property ScaleInCoolDown")
        .contains("CapacityProviderStrategy[0]: unknown property Provider");
  }
}
