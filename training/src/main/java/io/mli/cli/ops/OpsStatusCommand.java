package io.mli.cli.ops;

import io.mli.common.io.Json;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * {@code mli ops status}: each ECS service's desired, running and pending tasks, its deployments and latest
 * events, and (with {@code --url}) the knowledge-base version each service reports.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show each ECS service of the fleet: desired, running and pending tasks, deployments, recent "
                + "events, and the knowledge-base version each service reports (with --url).",
            "AWS credentials and profile come from the usual places (AWS_PROFILE, the default chain)."})
public final class OpsStatusCommand implements Callable<Integer> {
    static final String DEFAULT_CLUSTER = "multilingual-inference-cluster";

    @Option(names = "--cluster", paramLabel = "NAME", defaultValue = DEFAULT_CLUSTER,
            description = "The ECS cluster (default: ${DEFAULT-VALUE}, the stack's <EnvironmentName>-cluster).")
    String cluster;

    @Option(names = "--region", paramLabel = "R",
            description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then us-east-1).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "An ECS API endpoint (tests, local stubs).")
    URI endpointUrl;

    @Option(names = "--url", paramLabel = "URL",
            description = "The fleet's base URL (the load balancer, e.g. http://<alb-dns>) to ask each service for "
                    + "its knowledge-base version. Default: MLI_URL when set, else not asked.")
    String url;

    @Option(names = "--events", paramLabel = "N", defaultValue = "5", description = "Latest events per service "
            + "(default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        String r = firstSet(region, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
        List<EcsStatusReader.ServiceStatus> services;
        var builder = EcsClient.builder().region(Region.of(r)).httpClient(UrlConnectionHttpClient.create());
        if (endpointUrl != null) {
            builder.endpointOverride(endpointUrl);
        }
        try (EcsClient ecs = builder.build()) {
            services = new EcsStatusReader(ecs).read(cluster, Math.max(0, events));
        } catch (SdkException e) {
            System.err.println("mli ops status: cannot read cluster " + cluster + " in " + r + ": " + e.getMessage());
            return 1;
        }
        String base = firstSet(url, env.get("MLI_URL"), null, null);
        Map<String, FleetKbVersions.Report> kb = base == null ? Map.of()
                : new FleetKbVersions(URI.create(base), Duration.ofSeconds(5)).read();
        if (json) {
            printJson(System.out, r, services, kb);
        } else {
            printText(System.out, r, services, kb, base != null);
        }
        return 0;
    }

    /** The service's role from its ECS name ({@code <environment>-ner} is {@code ner}). */
    static String role(String serviceName) {
        int dash = serviceName.lastIndexOf('-');
        return dash < 0 ? serviceName : serviceName.substring(dash + 1);
    }

    private void printText(PrintStream out, String r, List<EcsStatusReader.ServiceStatus> services,
                           Map<String, FleetKbVersions.Report> kb, boolean askedKb) {
        out.printf("cluster %s (%s): %d services%n", cluster, r, services.size());
        if (services.isEmpty()) {
            return;
        }
        int width = Math.max(7, services.stream().mapToInt(s -> s.name().length()).max().orElse(7));
        String row = "%-" + width + "s  %-8s %7s %7s %7s  %s%n";
        out.printf(row, "SERVICE", "STATUS", "DESIRED", "RUNNING", "PENDING", askedKb ? "KNOWLEDGE BASE" : "");
        for (EcsStatusReader.ServiceStatus s : services) {
            FleetKbVersions.Report k = kb.get(role(s.name()));
            out.printf(row, s.name(), s.status(), s.desired(), s.running(), s.pending(),
                    !askedKb ? "" : k == null ? "-" : k.show());
        }
        for (EcsStatusReader.ServiceStatus s : services) {
            out.printf("%n%s%n", s.name());
            for (EcsStatusReader.DeploymentStatus d : s.deployments()) {
                out.printf("  deployment %-8s %-12s %s  desired %d running %d pending %d failed %d  updated %s%n",
                        d.status(), d.rolloutState() == null ? "" : d.rolloutState(), d.taskDefinition(),
                        d.desired(), d.running(), d.pending(), d.failed(), d.updatedAt());
            }
            for (EcsStatusReader.EventLine e : s.events()) {
                out.printf("  %s  %s%n", e.at(), e.message());
            }
        }
        if (!askedKb) {
            out.printf("%n(knowledge-base versions: add --url http://<load balancer>)%n");
        }
    }

    private void printJson(PrintStream out, String r, List<EcsStatusReader.ServiceStatus> services,
                           Map<String, FleetKbVersions.Report> kb) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cluster", cluster);
        doc.put("region", r);
        doc.put("services", services.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("status", s.status());
            m.put("desired", s.desired());
            m.put("running", s.running());
            m.put("pending", s.pending());
            FleetKbVersions.Report k = kb.get(role(s.name()));
            m.put("knowledge_base", k == null ? null : k.kbVersion());
            if (k != null && k.problem() != null) {
                m.put("knowledge_base_problem", k.problem());
            }
            m.put("deployments", s.deployments().stream().map(d -> {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("status", d.status());
                dm.put("rollout_state", d.rolloutState());
                dm.put("task_definition", d.taskDefinition());
                dm.put("desired", d.desired());
                dm.put("running", d.running());
                dm.put("pending", d.pending());
                dm.put("failed", d.failed());
                dm.put("updated_at", d.updatedAt() == null ? null : d.updatedAt().toString());
                return dm;
            }).toList());
            m.put("events", s.events().stream().map(e -> Map.of("at", String.valueOf(e.at()),
                    "message", String.valueOf(e.message()))).toList());
            return m;
        }).toList());
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    }

    private static String firstSet(String a, String b, String c, String fallback) {
        for (String s : new String[] {a, b, c}) {
            if (s != null && !s.isBlank()) {
                return s.trim();
            }
        }
        return fallback;
    }
}
