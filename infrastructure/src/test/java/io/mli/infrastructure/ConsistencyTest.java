package io.mli.infrastructure;

import static io.mli.infrastructure.Cfn.list;
import static io.mli.infrastructure.Cfn.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Ports, paths, service names, Cloud Map names, log groups, environment variables, sizes, scaling and metric names
 * agree across docs/architecture.md (the contract), the CloudFormation templates, the ECS JSON files, the
 * Dockerfiles and the services' own application.yml.
 */
class ConsistencyTest {
  private static final Contract CONTRACT = Contract.read();
  private static final Cfn MAIN = Cfn.load("main-stack.yaml");
  private static final Cfn ECS = nested("EcsStack", "ecs-stack.yaml");
  private static final Cfn ALB = nested("AlbStack", "alb-stack.yaml");
  private static final Cfn MONITORING = nested("MonitoringStack", "monitoring-stack.yaml");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

  /** A nested template with the parameter values the parent passes on a default deployment. */
  private static Cfn nested(String resource, String file) {
    Map<String, String> given = new HashMap<>();
    map(MAIN.properties(resource), "Parameters").forEach((k, v) -> given.put(k, MAIN.str(v)));
    return Cfn.load(file, given);
  }

  static List<String> agents() {
    return Fleet.AGENTS;
  }

  private static Contract.Service contract(String name) {
    return CONTRACT.service(name);
  }

  private static String family(String name) {
    return Fleet.ENVIRONMENT + "-" + name;
  }

  /** The ECS stack's task definition resource of a service, found by its family. */
  private static Map<String, Object> taskDefinition(String name) {
    return ECS.ofType("AWS::ECS::TaskDefinition").stream().map(ECS::properties)
        .filter(p -> family(name).equals(ECS.str(p.get("Family")))).findFirst()
        .orElseThrow(() -> new AssertionError("ecs-stack.yaml has no task definition family " + family(name)));
  }

  private static Map<String, Object> container(Map<String, Object> taskDefinition, String name, String key) {
    return list(taskDefinition, key).stream().map(c -> map(Map.of("c", c), "c"))
        .filter(c -> name.equals(c.get("Name") != null ? c.get("Name") : c.get("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name));
  }

  private static Map<String, Object> ecsService(String name) {
    return ECS.ofType("AWS::ECS::Service").stream().map(ECS::properties)
        .filter(p -> family(name).equals(ECS.str(p.get("ServiceName")))).findFirst()
        .orElseThrow(() -> new AssertionError("ecs-stack.yaml has no service " + family(name)));
  }

  /** The ALB target group behind an ECS stack parameter, followed through the parent stack and the ALB outputs. */
  private static Map<String, Object> targetGroupFor(Object ecsParameterRef) {
    String parameter = (String) ((Map<?, ?>) ecsParameterRef).get("Ref");
    Object passed = map(MAIN.properties("EcsStack"), "Parameters").get(parameter);
    List<?> getAtt = (List<?>) ((Map<?, ?>) passed).get("Fn::GetAtt");
    assertThat(getAtt.getFirst()).isEqualTo("AlbStack");
    String output = ((String) getAtt.get(1)).substring("Outputs.".length());
    Object value = map(map(ALB.template, "Outputs"), output).get("Value");
    return ALB.properties((String) ((Map<?, ?>) value).get("Ref"));
  }

  private static Map<String, String> environment(Cfn cfn, Map<String, Object> container, String key,
      String nameKey, String valueKey) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Object entry : list(container, key)) {
      Map<?, ?> e = (Map<?, ?>) entry;
      if (e.containsKey("Fn::If")) {
        e = (Map<?, ?>) ((List<?>) e.get("Fn::If")).get(1);
      }
      env.put((String) e.get(nameKey), cfn == null ? String.valueOf(e.get(valueKey)) : cfn.str(e.get(valueKey)));
    }
    return env;
  }

  @ParameterizedTest
  @MethodSource("agents")
  void theLoadBalancerRoutesThePathToTheServiceAndChecksItsHealth(String name) {
    Contract.Service s = contract(name);
    Map<String, Object> service = ecsService(name);
    Map<String, Object> lb = castMap(list(service, "LoadBalancers").getFirst());
    Map<String, Object> targetGroup = targetGroupFor(lb.get("TargetGroupArn"));

    assertThat(lb.get("ContainerName")).isEqualTo(name);
    assertThat(lb.get("ContainerPort")).isEqualTo(s.port());
    assertThat(targetGroup.get("Port")).isEqualTo(s.port());
    assertThat(targetGroup.get("HealthCheckPath")).isEqualTo(s.healthPath());
    assertThat(targetGroup.get("TargetType")).isEqualTo("ip");
    String targetGroupName = targetGroupResourceName(targetGroup);
    if (s.albPath().equals("/")) {
      String listener = ALB.properties("HttpListener").toString() + ALB.properties("HttpsListener");
      assertThat(listener).as("the listeners' default action").contains("{Ref=" + targetGroupName + "}");
    } else {
      Map<String, Object> rule = ALB.ofType("AWS::ElasticLoadBalancingV2::ListenerRule").stream().map(ALB::properties)
          .filter(p -> p.toString().contains(s.albPath())).findFirst()
          .orElseThrow(() -> new AssertionError("no listener rule for " + s.albPath()));
      assertThat(rule.get("Actions").toString()).contains("{Ref=" + targetGroupName + "}");
      assertThat(rule.get("Conditions").toString()).contains(s.albPath()).contains(s.prefix() + ",");
    }
  }

  private static String targetGroupResourceName(Map<String, Object> properties) {
    return ALB.ofType("AWS::ElasticLoadBalancingV2::TargetGroup").stream()
        .filter(n -> ALB.properties(n) == properties).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }

  @ParameterizedTest
  @MethodSource("agents")
  void theTaskDefinitionHasTheContractsPortHealthLogsAndVariables(String name) {
    Contract.Service s = contract(name);
    Fleet.Size size = Fleet.SIZES.get(name);
    Map<String, Object> td = taskDefinition(name);
    Map<String, Object> c = container(td, name, "ContainerDefinitions");

    assertThat(td.get("Cpu")).isEqualTo(String.valueOf(size.cpu()));
    assertThat(td.get("Memory")).isEqualTo(String.valueOf(size.memory()));
    assertThat(castMap(list(c, "PortMappings").getFirst()).get("ContainerPort")).isEqualTo(s.port());
    assertThat(list(map(c, "HealthCheck"), "Command").stream().map(String::valueOf).toList())
        .containsSubsequence(String.valueOf(s.port()), s.healthPath());
    assertThat(c.get("ReadonlyRootFilesystem")).isEqualTo(true);
    Map<String, Object> logOptions = map(map(c, "LogConfiguration"), "Options");
    assertThat(ECS.str(logOptions.get("awslogs-group"))).isEqualTo("/ecs/" + family(name));

    Map<String, String> env = environment(ECS, c, "Environment", "Name", "Value");
    assertThat(CONTRACT.variables()).as("variables of the contract").containsAll(env.keySet());
    assertThat(env).containsKeys("AWS_DEFAULT_REGION", "LOG_LEVEL", "MLI_KB_URI", "MLI_CLOUDWATCH_ENABLED",
        "MLI_METRICS_NAMESPACE");
    assertThat(env.get("MLI_METRICS_NAMESPACE")).isEqualTo(CONTRACT.metricsNamespace());
    assertThat(env.get("AWS_DEFAULT_REGION")).isEqualTo("us-east-1");
    // The agents' URLs are their Cloud Map names and ports.
    for (String agent : List.of("ner", "rag", "llm", "hybrid")) {
      String variable = "MLI_" + agent.toUpperCase() + "_URL";
      if (env.containsKey(variable)) {
        Contract.Service target = contract(agent);
        assertThat(env.get(variable)).isEqualTo("http://" + target.cloudMapName() + ":" + target.port());
      }
    }
    switch (name) {
      case "orchestrator" -> assertThat(env).containsKeys("MLI_NER_URL", "MLI_RAG_URL", "MLI_LLM_URL", "MLI_HYBRID_URL");
      case "hybrid" -> assertThat(env).containsKeys("MLI_NER_URL", "MLI_RAG_URL", "MLI_LLM_URL");
      case "rag" -> {
        assertThat(env.get("MILVUS_HOST")).isEqualTo("milvus." + ECS.parameters.get("NamespaceName"));
        assertThat(env.get("MILVUS_PORT")).isEqualTo("19530");
      }
      case "llm" -> assertThat(env).containsEntry("BEDROCK_MODEL_ID", "amazon.nova-pro-v1:0")
          .containsEntry("LLM_PROVIDER", "bedrock");
      default -> { }
    }
  }

  @ParameterizedTest
  @MethodSource("agents")
  void cloudMapRegistersTheContractsName(String name) {
    Contract.Service s = contract(name);
    String namespace = ECS.str(ECS.properties("Namespace").get("Name"));
    Map<String, Object> service = ecsService(name);
    Map<?, ?> registryArn = (Map<?, ?>) castMap(list(service, "ServiceRegistries").getFirst()).get("RegistryArn");
    String discovery = (String) ((List<?>) registryArn.get("Fn::GetAtt")).getFirst();

    assertThat(ECS.properties(discovery).get("Name") + "." + namespace).isEqualTo(s.cloudMapName());
  }

  @ParameterizedTest
  @MethodSource("agents")
  void theEcsJsonFilesAgreeWithTheTemplate(String name) {
    Contract.Service s = contract(name);
    Fleet.Size size = Fleet.SIZES.get(name);
    Map<String, Object> json = Fleet.ecsJson("task-definitions", name);
    Map<String, Object> c = container(json, name, "containerDefinitions");
    Map<String, Object> cfnContainer = container(taskDefinition(name), name, "ContainerDefinitions");

    assertThat(json.get("family")).isEqualTo("${ENVIRONMENT_NAME}-" + name);
    assertThat(json.get("cpu")).isEqualTo(String.valueOf(size.cpu()));
    assertThat(json.get("memory")).isEqualTo(String.valueOf(size.memory()));
    assertThat(castMap(list(c, "portMappings").getFirst()).get("containerPort")).isEqualTo(s.port());
    assertThat(map(c, "healthCheck").get("command").toString())
        .isEqualTo(map(cfnContainer, "HealthCheck").get("Command").toString());
    assertThat(map(map(c, "logConfiguration"), "options").get("awslogs-group"))
        .isEqualTo("/ecs/${ENVIRONMENT_NAME}-" + name);
    Map<String, String> jsonEnv = environment(null, c, "environment", "name", "value");
    Map<String, String> cfnEnv = environment(ECS, cfnContainer, "Environment", "Name", "Value");
    assertThat(jsonEnv.keySet()).containsExactlyInAnyOrderElementsOf(cfnEnv.keySet());
    jsonEnv.forEach((k, v) -> {
      if (!v.contains("${")) {
        assertThat(v).as(k).isEqualTo(cfnEnv.get(k));
      }
    });

    Map<String, Object> cfnService = ecsService(name);
    Map<String, Object> serviceJson = Fleet.ecsJson("services", name);
    assertThat(serviceJson.get("service")).isEqualTo("${ENVIRONMENT_NAME}-" + name);
    assertThat(serviceJson.get("desiredCount")).isEqualTo(size.min());
    assertThat(strategy(list(serviceJson, "capacityProviderStrategy"), "capacityProvider", "base", "weight"))
        .isEqualTo(strategy(list(cfnService, "CapacityProviderStrategy"), "CapacityProvider", "Base", "Weight"));
  }

  private static List<String> strategy(List<Object> entries, String provider, String base, String weight) {
    return entries.stream().map(e -> (Map<?, ?>) e).map(e -> e.get(provider) + ":"
        + (e.get(base) == null ? 0 : e.get(base)) + ":" + e.get(weight)).toList();
  }

  @ParameterizedTest
  @MethodSource("agents")
  void autoscalingHasTheGuidesRangesInTheTemplateAndTheJson(String name) {
    Fleet.Size size = Fleet.SIZES.get(name);
    Map<String, Object> json = Fleet.ecsJson("autoscaling", name);
    Map<String, Object> target = map(json, "scalableTarget");
    String resourceId = "service/${CLUSTER_NAME}/${ENVIRONMENT_NAME}-" + name;
    Map<String, Object> cfnTarget = ECS.ofType("AWS::ApplicationAutoScaling::ScalableTarget").stream()
        .map(ECS::properties).filter(p -> String.valueOf(p.get("ResourceId")).contains(Fleet.capitalized(name) + "Service"))
        .findFirst().orElseThrow();

    assertThat(target.get("ResourceId")).isEqualTo(resourceId);
    assertThat(List.of(target.get("MinCapacity"), target.get("MaxCapacity"))).containsExactly(size.min(), size.max());
    assertThat(List.of(cfnTarget.get("MinCapacity"), cfnTarget.get("MaxCapacity")))
        .containsExactly(size.min(), size.max());
    List<String> jsonMetrics = list(json, "scalingPolicies").stream()
        .map(p -> (String) map(map(p, "TargetTrackingScalingPolicyConfiguration"), "PredefinedMetricSpecification")
            .get("PredefinedMetricType")).toList();
    assertThat(jsonMetrics).containsExactlyElementsOf(Fleet.SCALES_ON.get(name));
    List<String> cfnMetrics = ECS.ofType("AWS::ApplicationAutoScaling::ScalingPolicy").stream().map(ECS::properties)
        .filter(p -> p.get("ScalingTargetId").toString().contains(Fleet.capitalized(name) + "ScalableTarget"))
        .map(p -> (String) map(map(p, "TargetTrackingScalingPolicyConfiguration"), "PredefinedMetricSpecification")
            .get("PredefinedMetricType")).toList();
    assertThat(cfnMetrics).containsExactlyElementsOf(jsonMetrics);
    for (Object p : list(json, "scalingPolicies")) {
      assertThat(castMap(p).get("PolicyType")).isEqualTo("TargetTrackingScaling");
      assertThat(castMap(p).get("ResourceId")).isEqualTo(resourceId);
    }
    // Off-hours scale-down and the business-hours return, the same in both.
    List<String> jsonSchedule = list(json, "scheduledActions").stream().map(a -> castMap(a).get("Schedule") + " "
        + map(a, "ScalableTargetAction")).toList();
    List<String> cfnSchedule = list(cfnTarget, "ScheduledActions").stream().map(a -> castMap(a).get("Schedule") + " "
        + map(a, "ScalableTargetAction")).toList();
    assertThat(jsonSchedule).hasSize(2).isEqualTo(cfnSchedule);
    assertThat(jsonSchedule.getFirst()).contains("cron(0 20").contains("MaxCapacity=");
  }

  @ParameterizedTest
  @MethodSource("agents")
  void theDockerfileBuildsTheModuleAndExposesTheContractsPortAndHealth(String name) {
    Contract.Service s = contract(name);
    String dockerfile = Repo.read(Repo.DOCKER.resolve("Dockerfile." + name));
    List<String> healthCommand = list(map(container(taskDefinition(name), name, "ContainerDefinitions"),
        "HealthCheck"), "Command").stream().map(String::valueOf).toList();

    assertThat(dockerfile)
        .contains("-pl " + s.module() + " -am package")
        .contains(s.module() + "/target/" + s.module() + "-*-exec.jar")
        .contains("EXPOSE " + s.port())
        .contains("HEALTHCHECK ").contains("CMD [\"/opt/mli/healthcheck\", \"" + s.port() + "\", \"" + s.healthPath() + "\"]")
        .contains("extract --layers")
        .contains("-XX:AOTCacheOutput=/app/app.aot").contains("-XX:AOTCache=/app/app.aot")
        .contains("jdk.localedata").contains("jdk.incubator.vector")
        .contains("VOLUME [\"/tmp\"]")
        .containsPattern("(?m)^USER [1-9][0-9]*:[1-9][0-9]*$")
        .containsPattern("(?m)^FROM .*eclipse-temurin:25|JDK_IMAGE=eclipse-temurin:25");
    assertThat(healthCommand).containsExactly("CMD", "/opt/mli/healthcheck", String.valueOf(s.port()), s.healthPath());
    assertThat(Repo.DOCKER.resolve("Dockerfile." + name + ".dockerignore")).exists();
  }

  /** The service's own configuration: application.yml or {@code <module>.yml} (read by service-kit's launcher). */
  private static List<Path> ownConfiguration(Contract.Service s) {
    Path resources = Repo.ROOT.resolve(s.module()).resolve("src/main/resources");
    return Stream.of("application.yml", "application.yaml", s.module() + ".yml", s.module() + ".yaml")
        .map(resources::resolve).filter(Files::isRegularFile).toList();
  }

  /** Nested and dotted YAML keys flattened to {@code a.b.c}. */
  private static void flatten(String prefix, Object node, Map<String, Object> out) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
    } else {
      out.put(prefix, node);
    }
  }

  @ParameterizedTest
  @MethodSource("agents")
  void theServicesOwnConfigurationAgrees(String name) {
    Contract.Service s = contract(name);
    List<Path> files = ownConfiguration(s);
    Assumptions.assumeFalse(files.isEmpty(),
        s.module() + " has no application.yml or " + s.module() + ".yml yet: only the contract is checked");
    Map<String, Object> settings = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    // Shared defaults first (service-kit), then the service's own files, which win.
    List<Path> all = new ArrayList<>(Repo.ROOT.resolve("service-kit/src/main/resources").toFile().isDirectory()
        ? Repo.list(Repo.ROOT.resolve("service-kit/src/main/resources"), ".yml") : List.of());
    all.addAll(files);
    for (Path file : all) {
      String yml = Repo.read(file);
      text.append(yml).append('\n');
      for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yml)) {
        flatten("", doc, settings);
      }
    }

    Matcher port = Pattern.compile("(\\d+)\\D*$").matcher(String.valueOf(settings.get("server.port")));
    assertThat(port.find() ? Integer.valueOf(port.group(1)) : null).as("server.port of " + files).isEqualTo(s.port());
    // The variables the configuration reads with defaults must keep the contract's defaults for what we set.
    Matcher namespace = Pattern.compile("\\$\\{MLI_METRICS_NAMESPACE:([^}]*)}").matcher(text);
    if (namespace.find()) {
      assertThat(namespace.group(1)).isEqualTo(CONTRACT.metricsNamespace());
    }
    Set<String> read = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      read.add(m.group(1));
    }
    Map<String, String> env = environment(ECS, container(taskDefinition(name), name, "ContainerDefinitions"),
        "Environment", "Name", "Value");
    // What the deployment sets and the configuration reads must be spelled the same: a variable of the contract
    // read by the configuration under a name the task definition doesn't set is a missed setting.
    for (String variable : read) {
      if (Set.of("MLI_CLOUDWATCH_ENABLED", "LOG_LEVEL", "MLI_KB_URI").contains(variable)) {
        assertThat(env).as("the task definition of " + name).containsKey(variable);
      }
    }
    // Report (without failing) the variables the task definition sets that no configuration file or source of the
    // service, service-kit or common mentions: they only work if a library reads them.
    List<String> unread = env.keySet().stream().filter(v -> !v.equals("AWS_DEFAULT_REGION"))
        .filter(v -> !mentioned(v, s.module())).toList();
    if (!unread.isEmpty()) {
      System.out.println("note: " + name + " task definition sets " + unread + ", not yet read by its sources");
    }
  }

  private static boolean mentioned(String variable, String module) {
    for (String dir : List.of(module, "service-kit", "common")) {
      Path main = Repo.ROOT.resolve(dir).resolve("src/main");
      if (!Files.isDirectory(main)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(main)) {
        if (files.filter(Files::isRegularFile).anyMatch(f -> Repo.read(f).contains(variable))) {
          return true;
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return false;
  }

  @Test
  void milvusRunsAloneOnEfsWithItsHealthCheckAndOnlyTheAgentsReachIt() {
    Map<String, Object> td = taskDefinition("milvus");
    Map<String, Object> milvus = container(td, "milvus", "ContainerDefinitions");
    Map<String, Object> service = ecsService("milvus");
    Map<String, Object> scaling = Fleet.ecsJson("autoscaling", "milvus");

    assertThat(td.get("Cpu")).isEqualTo("2048");
    assertThat(td.get("Memory")).isEqualTo("4096");
    assertThat(list(milvus, "PortMappings").toString()).contains("ContainerPort=19530").contains("ContainerPort=9091");
    assertThat(list(map(milvus, "HealthCheck"), "Command").toString()).contains(":9091/healthz");
    assertThat(list(td, "Volumes").toString()).contains("TransitEncryption=ENABLED").contains("IAM=ENABLED")
        .contains("MilvusDataAccessPointId").contains("MilvusLogsAccessPointId");
    assertThat(list(milvus, "MountPoints").toString()).contains("/var/lib/milvus").contains("/milvus/logs");
    assertThat(service.get("DesiredCount").toString()).isEqualTo("{Fn::If=[Run, 1, 0]}");
    assertThat(strategy(list(service, "CapacityProviderStrategy"), "CapacityProvider", "Base", "Weight"))
        .containsExactly("FARGATE:1:1");
    assertThat(map(service, "DeploymentConfiguration").get("MaximumPercent")).isEqualTo(100);
    assertThat(ECS.resources().toString()).doesNotContain("MilvusScalableTarget");
    assertThat(List.of(map(scaling, "scalableTarget").get("MinCapacity"), map(scaling, "scalableTarget").get("MaxCapacity")))
        .containsExactly(1, 1);
    assertThat(list(scaling, "scalingPolicies")).isEmpty();
    assertThat(ECS.properties("MilvusDiscovery").get("Name") + "." + ECS.parameters.get("NamespaceName"))
        .isEqualTo("milvus.multilingual-inference.local");
    // The JSON task definition is the same task.
    Map<String, Object> json = Fleet.ecsJson("task-definitions", "milvus");
    assertThat(list(json, "containerDefinitions").stream().map(c -> castMap(c).get("name")).toList())
        .containsExactly("etcd", "minio", "milvus");
    assertThat(list(map(container(json, "milvus", "containerDefinitions"), "healthCheck"), "command").toString())
        .isEqualTo(list(map(milvus, "HealthCheck"), "Command").toString());

    // Security: 19530 and 9091 only, from the agents' security groups only.
    List<Map<String, Object>> ingress = MAIN.ofType("AWS::EC2::SecurityGroupIngress").stream().map(MAIN::properties)
        .filter(p -> p.get("GroupId").toString().equals("{Ref=MilvusSecurityGroup}")).toList();
    assertThat(ingress).hasSize(4);
    assertThat(ingress).allSatisfy(p -> {
      assertThat(p.get("SourceSecurityGroupId").toString()).isIn("{Ref=AgentSecurityGroup}", "{Ref=HybridSecurityGroup}");
      assertThat(p.get("FromPort")).isEqualTo(p.get("ToPort")).isIn(19530, 9091);
    });

    // The image bakes the project's Milvus configuration.
    String dockerfile = Repo.read(Repo.DOCKER.resolve("Dockerfile.milvus"));
    assertThat(dockerfile).contains("COPY infrastructure/milvus/milvus.yaml /rootfs/milvus/configs/milvus.yaml")
        .contains("EXPOSE 19530 9091").contains("http://127.0.0.1:9091/healthz")
        .containsPattern("(?m)^USER [1-9][0-9]*:[1-9][0-9]*$");
  }

  @Test
  void everyServiceAcceptsItsPortFromTheLoadBalancer() {
    List<Map<String, Object>> rules = MAIN.ofType("AWS::EC2::SecurityGroupIngress").stream().map(MAIN::properties)
        .toList();
    for (String name : Fleet.AGENTS) {
      int port = contract(name).port();
      Object sgParameter = list(map(map(ecsService(name), "NetworkConfiguration"), "AwsvpcConfiguration"),
          "SecurityGroups").getFirst();
      String parameter = (String) ((Map<?, ?>) sgParameter).get("Ref");
      String securityGroup = map(MAIN.properties("EcsStack"), "Parameters").get(parameter).toString();
      assertThat(rules).as(name + " from the load balancer").anySatisfy(p -> {
        assertThat(p.get("GroupId").toString()).isEqualTo(securityGroup);
        assertThat(p.get("SourceSecurityGroupId").toString()).isEqualTo("{Ref=AlbSecurityGroup}");
        assertThat((Integer) p.get("FromPort")).isLessThanOrEqualTo(port);
        assertThat((Integer) p.get("ToPort")).isGreaterThanOrEqualTo(port);
      });
      if (!name.equals("orchestrator")) {
        assertThat(rules).as(name + " from the orchestrator").anySatisfy(p -> {
          assertThat(p.get("GroupId").toString()).isEqualTo(securityGroup);
          assertThat(p.get("SourceSecurityGroupId").toString()).isEqualTo("{Ref=OrchestratorSecurityGroup}");
          assertThat((Integer) p.get("FromPort")).isLessThanOrEqualTo(port);
          assertThat((Integer) p.get("ToPort")).isGreaterThanOrEqualTo(port);
        });
      }
    }
  }

  @Test
  void logGroupsAreTheGuidesNamesKeptThirtyDaysAndEncrypted() {
    Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
    for (String name : ECS.ofType("AWS::Logs::LogGroup")) {
      groups.put(ECS.str(ECS.properties(name).get("LogGroupName")), ECS.properties(name));
    }

    assertThat(groups.keySet()).containsExactlyInAnyOrderElementsOf(
        Fleet.ALL.stream().map(s -> "/ecs/multilingual-inference-" + s).toList());
    assertThat(groups.values()).allSatisfy(g -> {
      assertThat(ECS.str(g.get("RetentionInDays"))).isEqualTo("30");
      assertThat(g.get("KmsKeyId").toString()).isEqualTo("{Fn::GetAtt=[LogsKey, Arn]}");
    });
    // The execution role may write exactly these groups.
    assertThat(MAIN.properties("TaskExecutionRole").toString())
        .contains("log-group:/ecs/${EnvironmentName}-*:*");
  }

  @Test
  void theDashboardShowsTheMetricsTheServicesPublish() {
    Map<String, Object> dashboard = MONITORING.properties("Dashboard");
    String body = MONITORING.str(dashboard.get("DashboardBody"));
    Map<String, Object> parsed = Fleet.json(writeTemp(body));
    Set<String> published = CONTRACT.cloudWatchNames();
    String wrapper = Repo.read(Repo.INFRA.resolve("monitoring/milvus-health-check.sh"));

    assertThat(MONITORING.str(dashboard.get("DashboardName"))).isEqualTo("multilingual-inference-multilingual-inference");
    assertThat(MAIN.parameters.get("MetricsNamespace")).isEqualTo(CONTRACT.metricsNamespace());
    Set<String> shown = new LinkedHashSet<>();
    Pattern search = Pattern.compile("Namespace=\"([^\"]+)\" MetricName=\"([^\"]+)\"");
    for (Object widget : list(parsed, "widgets")) {
      for (Object metric : list(map(widget, "properties"), "metrics")) {
        if (metric instanceof List<?> row && CONTRACT.metricsNamespace().equals(row.getFirst())) {
          shown.add((String) row.get(1));
        }
        if (metric instanceof List<?> row && row.getFirst() instanceof Map<?, ?> m && m.get("expression") != null) {
          Matcher found = search.matcher((String) m.get("expression"));
          assertThat(found.find()).as("a SEARCH of one metric: " + m).isTrue();
          assertThat(found.group(1)).isEqualTo(CONTRACT.metricsNamespace());
          shown.add(found.group(2));
        }
      }
    }
    assertThat(shown).isNotEmpty();
    for (String name : shown) {
      if (name.equals("mli.milvus.healthy")) {
        assertThat(wrapper).contains("--metric-name mli.milvus.healthy");
      } else {
        assertThat(published).as("metrics published by the services' CloudWatch registry").contains(name);
      }
    }
    // Every metric of the contract is on the dashboard under one of its CloudWatch names.
    for (String metric : CONTRACT.metrics().keySet()) {
      assertThat(shown).as(metric).anyMatch(n -> n.startsWith(metric + ".")
          && n.substring(metric.length() + 1).matches("count|sum|avg|max|value"));
    }
    assertThat(body).contains("AWS/ECS").contains("AWS/ApplicationELB").contains("RunningTaskCount")
        .contains("TargetResponseTime").contains("HTTPCode_Target_5XX_Count");
  }

  @Test
  void theMetersTheServicesRegisterAreTheContractsMetrics() throws java.io.IOException {
    Pattern builder = Pattern.compile("(Timer|Counter|DistributionSummary)\\.builder\\(\"(mli\\.[a-z_.]+)\"");
    Pattern literal = Pattern.compile("\"(mli\\.[a-z_.]+)\"");
    Map<String, String> kinds = Map.of("Timer", "timer", "Counter", "counter", "DistributionSummary",
        "distribution summary");
    Set<String> registered = new LinkedHashSet<>();
    List<String> modules = new ArrayList<>(List.of("service-kit", "common"));
    CONTRACT.services().forEach(s -> modules.add(s.module()));
    for (String module : modules) {
      Path main = Repo.ROOT.resolve(module).resolve("src/main/java");
      if (!Files.isDirectory(main)) {
        continue;
      }
      List<Path> sources;
      try (Stream<Path> files = Files.walk(main)) {
        sources = files.filter(f -> f.toString().endsWith(".java")).toList();
      }
      for (Path source : sources) {
        String java = Repo.read(source);
        if (!java.contains("import io.micrometer.core.instrument")) {
          continue;
        }
        Matcher b = builder.matcher(java);
        while (b.find()) {
          assertThat(CONTRACT.metrics()).as(source + " registers " + b.group(2)).containsKey(b.group(2));
          assertThat(CONTRACT.metrics().get(b.group(2))).as(b.group(2)).startsWith(kinds.get(b.group(1)));
        }
        Matcher l = literal.matcher(java);
        while (l.find()) {
          registered.add(l.group(1));
        }
      }
    }
    Assumptions.assumeFalse(registered.isEmpty(), "no service registers Micrometer meters yet");
    assertThat(CONTRACT.metrics().keySet()).as("meter names in the services' sources").containsAll(registered);
  }

  @Test
  void theAlarmsWatchRealMetrics() {
    Set<String> published = new LinkedHashSet<>(CONTRACT.cloudWatchNames());
    published.add("mli.milvus.healthy");
    List<String> alarms = MONITORING.ofType("AWS::CloudWatch::Alarm");
    List<String> descriptions = new ArrayList<>();

    for (String alarm : alarms) {
      Map<String, Object> p = MONITORING.properties(alarm);
      descriptions.add(MONITORING.str(p.get("AlarmName")));
      if (p.get("Namespace") != null && MONITORING.str(p.get("Namespace")).equals(CONTRACT.metricsNamespace())) {
        assertThat(published).contains((String) p.get("MetricName"));
      }
      for (Object metric : list(p, "Metrics")) {
        Object expression = castMap(metric).get("Expression");
        if (expression != null && MONITORING.str(expression).startsWith("SELECT")) {
          String query = MONITORING.str(expression);
          Matcher name = Pattern.compile("SUM\\(\"([^\"]+)\"\\) FROM \"([^\"]+)\"").matcher(query);
          assertThat(name.find()).as(query).isTrue();
          assertThat(published).contains(name.group(1));
          assertThat(name.group(2)).isEqualTo(CONTRACT.metricsNamespace());
        }
      }
    }
    assertThat(descriptions).contains("multilingual-inference-milvus-unhealthy", "multilingual-inference-milvus-not-running",
        "multilingual-inference-alb-response-time", "multilingual-inference-alb-5xx-rate",
        "multilingual-inference-agent-errors");
    for (String service : Fleet.ALL) {
      assertThat(descriptions).contains("multilingual-inference-" + service + "-cpu-high",
          "multilingual-inference-" + service + "-memory-high");
    }
  }

  @Test
  void theApiGatewayServesProductionInferenceThroughAVpcLinkWithKeysAndThrottling() {
    Map<String, Object> method = ALB.properties("InferenceMethod");
    Map<String, Object> integration = map(method, "Integration");

    assertThat(ALB.properties("InferenceResource").get("PathPart")).isEqualTo("inference");
    assertThat(ALB.properties("ProductionStage").get("StageName")).isEqualTo("production");
    assertThat(method.get("ApiKeyRequired")).isEqualTo(true);
    assertThat(integration.get("ConnectionType")).isEqualTo("VPC_LINK");
    assertThat(integration.get("ConnectionId").toString()).isEqualTo("{Ref=VpcLink}");
    assertThat(integration.get("Uri").toString()).contains("/inference");
    assertThat(map(ALB.properties("UsagePlan"), "Throttle")).containsKeys("RateLimit", "BurstLimit");
    assertThat(ALB.properties("UsagePlanKey").get("KeyId").toString()).isEqualTo("{Ref=ApiKey}");
    // /inference on the load balancer is the orchestrator's (the default route); no agent rule takes it.
    assertThat(ALB.ofType("AWS::ElasticLoadBalancingV2::ListenerRule").stream().map(ALB::properties)
        .map(Object::toString)).noneMatch(r -> r.contains("/inference"));
    assertThat(contract("orchestrator").albPath()).isEqualTo("/");
  }

  @Test
  void theScriptsReadOnlyOutputsAndParametersTheParentStackHas() {
    Set<String> outputs = map(MAIN.template, "Outputs").keySet();
    Set<String> parameters = map(MAIN.template, "Parameters").keySet();
    Pattern output = Pattern.compile("\\$\\((?:require_stack_output|stack_output) ([A-Za-z]+)\\)");
    Pattern parameter = Pattern.compile("\\$\\(stack_parameter ([A-Za-z]+)\\)");
    int seen = 0;
    for (Path script : Repo.shellScripts()) {
      String text = Repo.read(script);
      Matcher o = output.matcher(text);
      while (o.find()) {
        assertThat(outputs).as(script + " reads output " + o.group(1)).contains(o.group(1));
        seen++;
      }
      Matcher p = parameter.matcher(text);
      while (p.find()) {
        assertThat(parameters).as(script + " reads parameter " + p.group(1)).contains(p.group(1));
        seen++;
      }
    }
    assertThat(seen).isGreaterThan(15);
    // The scripts' defaults are the stacks' defaults.
    String common = Repo.read(Repo.SCRIPTS.resolve("lib/common.sh"));
    String ecs = Repo.read(Repo.SCRIPTS.resolve("lib/ecs.sh"));
    assertThat(common).contains("ENVIRONMENT_NAME:-" + MAIN.parameters.get("EnvironmentName") + "}")
        .contains("SCHEDULE_TIMEZONE:-" + ECS.parameters.get("ScheduleTimezone") + "}");
    assertThat(ecs).contains("ETCD_IMAGE:-" + ECS.parameters.get("EtcdImage") + "}")
        .contains("MINIO_IMAGE:-" + ECS.parameters.get("MinioImage") + "}")
        .contains("METRICS_NAMESPACE:-" + CONTRACT.metricsNamespace() + "}")
        .contains("BEDROCK_MODEL_ID:-" + MAIN.parameters.get("BedrockModelId") + "}");
    assertThat(Repo.read(Repo.INFRA.resolve("monitoring/milvus-health-check.sh")))
        .contains("MLI_METRICS_NAMESPACE:-" + CONTRACT.metricsNamespace() + "}")
        .contains("MILVUS_HOST:-milvus." + ECS.parameters.get("NamespaceName") + "}")
        .contains("MILVUS_PORT:-19530}");
    assertThat(ECS.str(ECS.properties("Cluster").get("ClusterName"))).isEqualTo("multilingual-inference-cluster");
  }

  @ParameterizedTest
  @MethodSource("io.mli.infrastructure.Fleet#allNames")
  void everyDockerfileIsMultiStageNonRootAndHealthChecked(String name) {
    List<String> lines = Repo.read(Repo.DOCKER.resolve("Dockerfile." + name)).lines().map(String::strip).toList();
    List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    int lastUser = -1;
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("USER ")) {
        lastUser = i;
      }
      if (lines.get(i).startsWith("ENTRYPOINT") || lines.get(i).startsWith("CMD [")) {
        start = i;
      }
    }

    assertThat(lines.getFirst()).isEqualTo("# syntax=docker/dockerfile:1.7");
    assertThat(froms).as("stages").hasSizeGreaterThanOrEqualTo(2);
    assertThat(lastUser).as("a USER line").isPositive().isLessThan(start);
    assertThat(lines.get(lastUser)).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
    assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ")).contains("VOLUME [\"/tmp\"]");
    assertThat(String.join("\n", lines)).doesNotContain(":latest");
  }

  @Test
  void theReadmeNamesWhatTheFilesDo() {
    String readme = Repo.read(Repo.INFRA.resolve("README.md"));

    for (Path script : Repo.list(Repo.SCRIPTS, ".sh")) {
      assertThat(readme).contains(script.getFileName().toString());
    }
    assertThat(readme).contains("multilingual-inference-multilingual-inference").contains("milvus-health-check.sh")
        .contains("/production/inference").contains("./mvnw -B -pl infrastructure -am verify");
    for (String service : Fleet.ALL) {
      assertThat(readme).contains("/ecs/multilingual-inference-" + service);
    }
  }

  private static Path writeTemp(String text) {
    try {
      Path file = Files.createTempFile("dashboard", ".json");
      Files.writeString(file, text);
      file.toFile().deleteOnExit();
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
