package io.mli.servicekit.agent;

/**
 * Something a service must have before it takes traffic (its knowledge base, models, engine). The readiness probe
 * ({@code /actuator/health/readiness}) stays DOWN while any of these beans gives a reason.
 */
public interface ServiceReadiness {

    /** Null when ready; otherwise why not (e.g. "loading the knowledge base"). */
    String notReadyReason();
}
