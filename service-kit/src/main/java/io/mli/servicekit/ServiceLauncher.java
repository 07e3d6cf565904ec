package io.mli.servicekit;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts a service with its own configuration file ({@code <service>.yml}, which imports the shared
 * {@code mli-service.yml}) instead of {@code application.yml}: the five services' jars can then share one classpath
 * (the end-to-end test runs them all in one JVM) without one's settings shadowing another's.
 */
public final class ServiceLauncher {
    private ServiceLauncher() {
    }

    /** A builder for the service, for tests that add properties such as {@code server.port=0}. */
    public static SpringApplicationBuilder builder(Class<?> application, String service) {
        return new SpringApplicationBuilder(application).properties("spring.config.name=" + service);
    }

    public static void run(Class<?> application, String service, String[] args) {
        builder(application, service).run(args);
    }
}
