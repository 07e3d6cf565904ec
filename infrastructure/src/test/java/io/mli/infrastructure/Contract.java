package io.mli.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contracts of docs/architecture.md that the deployment must honour: services (port, ALB path, Cloud Map name,
 * health path), configuration variables, the metrics namespace and the Micrometer metrics.
 */
record Contract(List<Service> services, Set<String> variables, String metricsNamespace, Map<String, String> metrics) {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** One row of "Services, ports, paths"; {@code name} is the short name (the Cloud Map name's first label). */
  record Service(String module, String name, int port, String albPath, String cloudMapName, String healthPath) {
    /** The ALB path prefix without the trailing wildcard ({@code /ner}), or {@code /} for the default route. */
    String prefix() {
      return albPath.endsWith("/*") ? albPath.substring(0, albPath.length() - 2) : albPath;
    }
  }

  static Contract read() {
    String doc = Repo.read(Repo.ROOT.resolve("docs/architecture.md"));
    List<Service> services = new ArrayList<>();
    for (List<String> row : table(doc, "| service | port | ALB path | Cloud Map name | health |")) {
      String cloudMap = codes(row.get(3)).getFirst();
      services.add(new Service(row.get(0), cloudMap.substring(0, cloudMap.indexOf('.')), Integer.parseInt(row.get(1)),
          codes(row.get(2)).getFirst(), cloudMap, codes(row.get(4)).getFirst()));
    }
    Set<String> variables = new LinkedHashSet<>();
    String namespace = null;
    for (List<String> row : table(doc, "| variable | who | meaning (default) |")) {
      List<String> names = codes(row.get(0));
      variables.addAll(names);
      if (names.contains("MLI_METRICS_NAMESPACE")) {
        namespace = codes(row.get(2)).getLast();
      }
    }
    Map<String, String> metrics = new LinkedHashMap<>();
    for (List<String> row : table(doc, "| name | type | tags |")) {
      metrics.put(codes(row.get(0)).getFirst(), row.get(1));
    }
    if (services.isEmpty() || variables.isEmpty() || namespace == null || metrics.isEmpty()) {
      throw new AssertionError("docs/architecture.md lost one of its contract tables");
    }
    return new Contract(List.copyOf(services), Set.copyOf(variables), namespace, Map.copyOf(metrics));
  }

  Service service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no service " + name + " in docs/architecture.md"));
  }

  /**
   * The names Micrometer's CloudWatch registry (micrometer-registry-cloudwatch2 1.17.1, identity naming) publishes
   * for a meter: a timer or distribution summary becomes NAME.sum, .count, .avg and .max; a counter NAME.count.
   */
  Set<String> cloudWatchNames() {
    Set<String> names = new LinkedHashSet<>();
    metrics.forEach((name, type) -> {
      if (type.startsWith("timer") || type.startsWith("distribution summary")) {
        for (String suffix : List.of("sum", "count", "avg", "max")) {
          names.add(name + "." + suffix);
        }
      } else if (type.startsWith("counter")) {
        names.add(name + ".count");
      } else {
        names.add(name + ".value");
      }
    });
    return names;
  }

  private static List<String> codes(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The rows of the markdown table whose header line is {@code header}, as trimmed cells. */
  private static List<List<String>> table(String doc, String header) {
    int start = doc.indexOf(header);
    if (start < 0) {
      throw new AssertionError("docs/architecture.md has no table " + header);
    }
    List<List<String>> rows = new ArrayList<>();
    String[] lines = doc.substring(start).split("\n");
    for (int i = 2; i < lines.length && lines[i].startsWith("|"); i++) {
      String line = lines[i].trim();
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
        cells.add(cell.trim());
      }
      rows.add(cells);
    }
    return rows;
  }
}
