package io.mli.servicekit.agent;

import java.util.List;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while any {@link ServiceReadiness} is not ready, with the reasons. In the readiness group, so the readiness
 * probe only turns UP once the knowledge base and models are loaded.
 */
public final class EnginesHealthIndicator implements HealthIndicator {
    private final List<ServiceReadiness> parts;

    public EnginesHealthIndicator(List<ServiceReadiness> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public Health health() {
        List<String> reasons = parts.stream().map(ServiceReadiness::notReadyReason).filter(Objects::nonNull).toList();
        return reasons.isEmpty() ? Health.up().build() : Health.down().withDetail("reasons", reasons).build();
    }
}
