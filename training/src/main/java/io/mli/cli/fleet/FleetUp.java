package io.mli.cli.fleet;

import io.mli.common.io.Json;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mli up}: builds the services' jars if they are missing, starts the five services on their embedded
 * defaults (the starter knowledge base unless {@code --kb}), one after the other, each once the previous is ready
 * and has finished compiling its start-up code,
 * prints the URLs and a {@code curl} example it has just checked, and stops them all on Ctrl-C. With
 * {@code --detach} it leaves them running and writes their pids to {@code run/fleet.pids} for {@code mli down}.
 *
 * <p>Each jar is extracted once to {@code run/app/<module>/} and started with a class-data-sharing archive
 * ({@code -XX:+AutoCreateSharedArchive}), which makes starts markedly faster. After a build, when there is no archive
 * yet, a {@link ClassDataTraining training run} writes it before the first real start, as the Docker images' build
 * writes their AOT cache. JIT tiers are left alone, so throughput is what it will be in production.
 */
@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start the local fleet (orchestrator :8080, ner :8081, rag :8082, llm :8083, hybrid :8084), "
                + "wait until it is ready and show how to call it. Ctrl-C stops it; logs go to run/logs/.")
public final class FleetUp implements Callable<Integer> {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);
    static final Duration SETTLE_WINDOW = Duration.ofMillis(250);
    static final String EXAMPLE_TITLE = "Eucerin Spotless Brightening Body Lotion 250ml ยูเซอริน";
    /** Titles in the scripts the services handle, for the warm-up and the class-data training run. */
    static final List<String> WARM_UP_TITLES = List.of("Eucerin Body Lotion 250ml", "ยูเซอริน โลชั่น",
            "Samsung Galaxy S24 ซัมซุง", "Generic cable");

    @Option(names = "--kb", paramLabel = "DIR", description = "Knowledge-base directory (default: the built-in starter).")
    Path kb;

    @Option(names = "--only", paramLabel = "NAME,...", description = "Start only these: orchestrator, ner, rag, llm, hybrid.")
    String only;

    @Option(names = "--detach", description = "Leave the fleet running in the background; stop it with mli down.")
    boolean detach;

    @Option(names = "--run-dir", paramLabel = "DIR", description = "Where logs, pids and extracted jars go (default: run/ in the project).")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        List<FleetService> services;
        try {
            services = FleetService.parse(only);
        } catch (IllegalArgumentException e) {
            System.err.println("mli up: " + e.getMessage());
            return 2;
        }
        if (kb != null && !Files.isRegularFile(kb.resolve("kb.json"))) {
            System.err.println("mli up: " + kb + " is not a knowledge base (no kb.json); build one with mli kb build");
            return 2;
        }
        FleetHome home = FleetHome.detect(runDir);
        if (Files.exists(home.pidFile())) {
            System.err.println("mli up: a detached fleet may be running (" + home.pidFile() + "); stop it with: "
                    + "bin/mli down");
            return 1;
        }
        for (FleetService s : services) {
            if (portInUse(s.port())) {
                System.err.println("mli up: port " + s.port() + " (" + s.module() + ") is already in use; stop "
                        + "whatever listens there (bin/mli down for a detached fleet) and try again");
                return 1;
            }
        }
        if (!ensureBuilt(home, services)) {
            return 1;
        }
        Files.createDirectories(home.logs());

        // Read by the shutdown hook while this thread adds and removes: a copy-on-write list.
        List<FleetProcesses.Started> started = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Thread stopper = new Thread(() -> {
            stopping.set(true);
            System.out.println();
            System.out.println("mli up: stopping the fleet ...");
            List<String> killed = FleetProcesses.stopAll(started);
            System.out.println("mli up: stopped" + (killed.isEmpty() ? "" : " (killed " + killed + ")"));
        }, "mli-fleet-stop");
        if (!detach) {
            Runtime.getRuntime().addShutdownHook(stopper);
        }
        long fleetStart = System.nanoTime();
        Map<FleetService, Path> jars = new EnumMap<>(FleetService.class);
        for (FleetService s : services) {
            jars.put(s, extracted(home, s));
        }
        List<FleetService> untrained = ClassDataTraining.untrained(home, services);
        if (!untrained.isEmpty()) {
            System.out.println("mli up: a first start after a build: running " + untrained.stream()
                    .map(FleetService::shortName).toList() + " once to write their class-data archives ...");
            long t0 = System.nanoTime();
            if (detach) {
                Runtime.getRuntime().addShutdownHook(stopper); // the training JVMs are this command's until they stop
            }
            try {
                List<FleetService> trained = ClassDataTraining.run(home, untrained,
                        (s, log) -> launch(home, s, jars.get(s), log, ClassDataTraining.JVM_FLAGS),
                        FleetUp::awaitReady, ClassDataTraining::ask, started);
                System.out.printf(Locale.ROOT, "  (archives written for %d of %d in %.1f s)%n", trained.size(),
                        untrained.size(), (System.nanoTime() - t0) / 1e9);
            } catch (IOException e) {
                // Only the start-up time depends on it: the services start without their archives.
                System.err.println("mli up: the training run failed (" + e.getMessage() + "); starting without it");
            } finally {
                if (detach && !stopping.get()) {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                }
            }
            if (stopping.get()) {
                return 130;
            }
        }
        for (FleetService s : services) {
            Path log = home.logs().resolve(s.module() + ".log");
            Process p = launch(home, s, jars.get(s), log, List.of());
            long t0 = System.nanoTime();
            FleetProcesses.Started st = new FleetProcesses.Started(s, p.toHandle(), log);
            started.add(st);
            String failure = awaitReady(s, p);
            if (stopping.get()) {
                return 130;
            }
            if (failure != null) {
                System.err.println("mli up: " + s.module() + " " + failure + "; the end of " + log + ":");
                System.err.println(FleetProcesses.tail(log, 25));
                if (detach) {
                    FleetProcesses.stopAll(started);
                }
                return 1;
            }
            System.out.printf(Locale.ROOT, "  %-13s ready in %4.1f s   %s   (pid %d)%n", s.module(),
                    (System.nanoTime() - t0) / 1e9, s.url(), p.pid());
            settle(p.toHandle());
        }
        if (services.contains(FleetService.ORCHESTRATOR)) {
            warmUp();
        }
        System.out.printf(Locale.ROOT, "mli up: %d service(s) ready in %.1f s; logs in %s%n", services.size(),
                (System.nanoTime() - fleetStart) / 1e9, home.logs());
        printUsage(services);
        if (detach) {
            writePids(home, started);
            System.out.println("Detached; stop it with: bin/mli down");
            return 0;
        }
        System.out.println("Ctrl-C stops the fleet.");
        for (FleetProcesses.Started s : started) {
            s.process().onExit().thenAccept(h -> {
                if (!stopping.get()) {
                    System.err.println("mli up: " + s.service().module() + " exited; see " + s.log());
                }
            });
        }
        for (FleetProcesses.Started s : started) {
            s.process().onExit().join();
        }
        return 0;
    }

    private boolean ensureBuilt(FleetHome home, List<FleetService> services) throws IOException,
            InterruptedException {
        List<String> missing = services.stream().filter(s -> home.execJar(s).isEmpty())
                .map(FleetService::module).toList();
        if (missing.isEmpty()) {
            return true;
        }
        Path mvnw = home.root().resolve("mvnw");
        if (!Files.isExecutable(mvnw)) {
            System.err.println("mli up: no jars for " + missing + " and no ./mvnw in " + home.root()
                    + " to build them (set MLI_HOME to the project)");
            return false;
        }
        System.out.println("mli up: building " + String.join(", ", missing) + " ...");
        Files.createDirectories(home.runDir());
        Path log = home.runDir().resolve("build.log");
        Process build = new ProcessBuilder(mvnw.toString(), "-B", "-q", "-DskipTests", "-Dmaven.javadoc.skip=true",
                "-pl", String.join(",", missing), "-am", "package")
                .directory(home.root().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (build.waitFor() != 0) {
            System.err.println("mli up: the build failed; see " + log);
            System.err.println(FleetProcesses.tail(log, 30));
            return false;
        }
        return true;
    }

    /** The java that runs this command (bin/mli's JAVA_HOME), so the services get the same JDK 25. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Process launch(FleetHome home, FleetService s, Path jar, Path log, List<String> extraFlags)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        if (detach && new File("/usr/bin/setsid").canExecute()) {
            cmd.add("/usr/bin/setsid"); // its own session: a closing terminal does not take it down
        }
        cmd.add(java());
        cmd.addAll(jvmFlags(home, s));
        cmd.addAll(extraFlags);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.root().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        if (kb != null) {
            env.put("MLI_KB_URI", kb.toAbsolutePath().normalize().toString());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    /**
     * Lean JVM flags: a fixed heap that fits the ECS task size, the serial collector (small heaps, many JVMs on
     * few cores: no GC threads competing), small platform-thread stacks (requests run on virtual threads), and a
     * class-data-sharing archive per service. {@code MLI_FLEET_JAVA_OPTS} adds or overrides.
     */
    static List<String> jvmFlags(FleetHome home, FleetService s) {
        List<String> flags = new ArrayList<>(List.of(
                "-Xms" + s.heap(), "-Xmx" + s.heap(),
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + ClassDataTraining.archive(home, s),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED"));
        String extra = System.getenv("MLI_FLEET_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            flags.addAll(List.of(extra.trim().split("\\s+")));
        }
        return flags;
    }

    /**
     * The exec jar extracted to {@code run/app/<module>/} (a plain jar plus {@code lib/}), refreshed when the jar is
     * newer: classes then load from ordinary jars, which class-data sharing can archive (nested jars cannot be).
     */
    private static Path extracted(FleetHome home, FleetService s) throws IOException, InterruptedException {
        Path jar = home.execJar(s).orElseThrow();
        Path dir = home.runDir().resolve("app").resolve(s.module());
        Path out = dir.resolve(jar.getFileName());
        if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
            return out;
        }
        Files.createDirectories(dir.getParent());
        Files.deleteIfExists(ClassDataTraining.archive(home, s));
        Process p = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.toString(), "--force")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0 || !Files.exists(out)) {
            return jar; // run the exec jar as it is: slower to start, same behaviour
        }
        Files.setLastModifiedTime(out, Files.getLastModifiedTime(jar));
        return out;
    }

    /**
     * Waits (at most {@link #SETTLE_LIMIT}) until a service that has just become ready stops compiling its start-up
     * code, so that the next one does not start on a machine that is still busy: on a laptop or a 2-core box the
     * services would otherwise slow each other's start-up down (on ECS each has its own CPUs).
     */
    private static void settle(ProcessHandle p) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        Duration before = cpu(p);
        while (System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(SETTLE_WINDOW.toMillis());
            Duration now = cpu(p);
            if (now.minus(before).toNanos() < SETTLE_WINDOW.toNanos() / 4) {
                return; // under a quarter of one CPU
            }
            before = now;
        }
    }

    private static Duration cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Null once ready; otherwise why not (exited, or not ready in time with its health's reason). */
    private static String awaitReady(FleetService s, Process p) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(s.url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "not answering";
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return "exited with status " + p.exitValue();
            }
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return null;
                }
                last = "readiness " + r.statusCode() + ": " + r.body();
            } catch (IOException e) {
                last = "not answering yet";
            }
            Thread.sleep(100);
        }
        return "was not ready within " + READY_TIMEOUT.toSeconds() + " s (" + last + ")";
    }

    /**
     * A few dozen requests through the whole chain (orchestrator, agents, HTTP clients, JSON) so that the first
     * user request is not the one that pays for the JIT and misses the agents' 250 ms time-outs.
     */
    private static void warmUp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        for (int i = 0; i < 60; i++) {
            try {
                http.send(postJson(FleetService.ORCHESTRATOR.url() + "/inference",
                        inferenceBody(WARM_UP_TITLES.get(i % WARM_UP_TITLES.size()), i % 2 == 0)),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.out.printf(Locale.ROOT, "  (warmed up with 60 requests in %.1f s)%n", (System.nanoTime() - t0) / 1e9);
    }

    /** A JSON POST with a 10 s time-out, as the warm-up, the example check and the training run send them. */
    static HttpRequest postJson(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    /** An inference request body for a title, in cascade or all mode. */
    static String inferenceBody(String title, boolean cascade) {
        return Json.MAPPER.writeValueAsString(
                Map.of("product_name", title, "mode", cascade ? "cascade" : "all"));
    }

    private static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void printUsage(List<FleetService> services) {
        boolean orchestrator = services.contains(FleetService.ORCHESTRATOR);
        FleetService target = orchestrator ? FleetService.ORCHESTRATOR : services.getFirst();
        String path = orchestrator ? "/inference" : "/infer";
        String body = "{\"product_name\": \"" + EXAMPLE_TITLE + "\"}";
        System.out.println();
        if (orchestrator) {
            System.out.println("  API docs:  " + target.url() + "/swagger-ui.html    fleet: " + target.url() + "/");
        }
        System.out.println("  Try:");
        System.out.println("    curl -s " + target.url() + path + " -H 'Content-Type: application/json' \\");
        System.out.println("      -d '" + body + "'");
        System.out.println("  " + checkExample(target.url() + path, body));
        System.out.println();
    }

    /** Sends the example once, so the printed curl is known to work, and says what it answered. */
    private static String checkExample(String url, String body) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpResponse<String> r = http.send(postJson(url, body),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            var json = Json.MAPPER.readTree(r.body());
            var brand = json.get("brand");
            String answer = brand == null || brand.isNull() ? "no brand" : brand.get("name").asString()
                    + (brand.get("confidence") != null ? " (confidence " + brand.get("confidence") + ")"
                    : brand.get("score") != null ? " (score " + brand.get("score") + ")" : "");
            return "(checked: HTTP " + r.statusCode() + ", " + answer + ")";
        } catch (IOException | RuntimeException e) {
            return "(could not check the example: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static void writePids(FleetHome home, List<FleetProcesses.Started> started) throws IOException {
        StringBuilder sb = new StringBuilder("# service pid port (written by mli up --detach; read by mli down)\n");
        for (FleetProcesses.Started s : started) {
            sb.append(s.service().module()).append(' ').append(s.process().pid()).append(' ')
                    .append(s.service().port()).append('\n');
        }
        Files.writeString(home.pidFile(), sb.toString());
    }
}
