package io.mli.infrastructure;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The sizes and scaling ranges the deployment guide and issue 8 set, and reading the ECS JSON files. */
final class Fleet {
  /** CPU units, memory MiB, minimum and maximum task count. */
  record Size(int cpu, int memory, int min, int max) {}

  static final Map<String, Size> SIZES = Map.of(
      "orchestrator", new Size(1024, 2048, 2, 10),
      "ner", new Size(512, 1024, 1, 5),
      "rag", new Size(512, 1024, 1, 5),
      "llm", new Size(512, 1024, 1, 3),
      "hybrid", new Size(1024, 2048, 1, 4),
      "milvus", new Size(2048, 4096, 1, 1));

  /** What each service scales on: the orchestrator on CPU and memory, the agents on CPU. */
  static final Map<String, List<String>> SCALES_ON = Map.of(
      "orchestrator", List.of("ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization"),
      "ner", List.of("ECSServiceAverageCPUUtilization"),
      "rag", List.of("ECSServiceAverageCPUUtilization"),
      "llm", List.of("ECSServiceAverageCPUUtilization"),
      "hybrid", List.of("ECSServiceAverageCPUUtilization"));

  static final List<String> AGENTS = List.of("orchestrator", "ner", "rag", "llm", "hybrid");
  static final List<String> ALL = List.of("orchestrator", "ner", "rag", "llm", "hybrid", "milvus");
  static final String ENVIRONMENT = "multilingual-inference";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Fleet() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(Path file) {
    return JSON.readValue(Repo.read(file), Map.class);
  }

  /** For parameterized tests. */
  static List<String> allNames() {
    return ALL;
  }

  static Map<String, Object> ecsJson(String kind, String service) {
    return json(Repo.ECS.resolve(kind).resolve(service + ".json"));
  }

  static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
