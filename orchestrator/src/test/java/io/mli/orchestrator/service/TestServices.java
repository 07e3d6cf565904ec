package io.mli.orchestrator.service;

import io.mli.servicekit.ServiceLauncher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts services in this JVM on free ports and waits until they are ready. */
final class TestServices {
    private TestServices() {
    }

    /** A started service and its base URL. */
    record Running(ConfigurableApplicationContext context, String url) implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    static Running start(Class<?> application, String service, String... properties) {
        // As command-line arguments: they must win over the service's own yml (builder properties would not).
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.structured.format.console=",
                "--spring.jmx.enabled=false"));
        for (String p : properties) {
            args.add("--" + p);
        }
        ConfigurableApplicationContext ctx = ServiceLauncher.builder(application, service)
                .run(args.toArray(String[]::new));
        String url = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
        awaitReady(url);
        return new Running(ctx, url);
    }

    static void awaitReady(String url) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (TestHttp.get(url + "/actuator/health/readiness").status() == 200) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(url + " did not become ready within 60 s");
    }
}
