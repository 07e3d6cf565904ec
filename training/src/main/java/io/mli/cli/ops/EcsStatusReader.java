package io.mli.cli.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/** Reads every service of an ECS cluster: counts, deployments and the latest events ({@code ListServices}, {@code DescribeServices}). */
final class EcsStatusReader {
    /** DescribeServices takes at most ten services per call. */
    private static final int BATCH = 10;

    private final EcsClient ecs;

    EcsStatusReader(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** One service as {@code mli ops status} shows it. */
    record ServiceStatus(String name, String status, int desired, int running, int pending,
                         List<DeploymentStatus> deployments, List<EventLine> events) {
    }

    /** One deployment (a rollout of a task-definition revision). */
    record DeploymentStatus(String status, String rolloutState, String taskDefinition, int desired, int running,
                            int pending, int failed, Instant updatedAt) {
    }

    /** One service event. */
    record EventLine(Instant at, String message) {
    }

    /** The cluster's services, sorted by name, each with at most {@code events} latest events. */
    List<ServiceStatus> read(String cluster, int events) {
        List<String> arns = new ArrayList<>();
        ecs.listServicesPaginator(r -> r.cluster(cluster)).serviceArns().forEach(arns::add);
        List<ServiceStatus> out = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += BATCH) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + BATCH));
            DescribeServicesResponse r = ecs.describeServices(b -> b.cluster(cluster).services(batch));
            for (Service s : r.services()) {
                out.add(toStatus(s, events));
            }
        }
        out.sort(Comparator.comparing(ServiceStatus::name));
        return out;
    }

    private static ServiceStatus toStatus(Service s, int events) {
        List<DeploymentStatus> deployments = s.deployments().stream().map(EcsStatusReader::toDeployment).toList();
        List<EventLine> latest = s.events().stream()
                .sorted(Comparator.comparing(ServiceEvent::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(events)
                .map(e -> new EventLine(e.createdAt(), e.message()))
                .toList();
        return new ServiceStatus(s.serviceName(), s.status(), n(s.desiredCount()), n(s.runningCount()),
                n(s.pendingCount()), deployments, latest);
    }

    private static DeploymentStatus toDeployment(Deployment d) {
        return new DeploymentStatus(d.status(), d.rolloutStateAsString(), shortTaskDefinition(d.taskDefinition()),
                n(d.desiredCount()), n(d.runningCount()), n(d.pendingCount()), n(d.failedTasks()), d.updatedAt());
    }

    /** {@code arn:aws:ecs:…:task-definition/family:7} as {@code family:7}. */
    static String shortTaskDefinition(String arn) {
        if (arn == null) {
            return null;
        }
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    private static int n(Integer i) {
        return i == null ? 0 : i;
    }
}
