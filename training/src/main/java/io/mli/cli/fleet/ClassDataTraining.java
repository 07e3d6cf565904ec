package io.mli.cli.fleet;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The training run that writes a service's class-data archive before its first real start, as each Docker image's
 * build does for its AOT cache. Without it the first start after a build loads every class from its jar (and writes
 * the archive on the way out), and on two cores that start takes 6–9 s instead of 3–4 s.
 *
 * <p>The services that have no archive yet are started together, with the flags of a real start and the quick JIT
 * only, asked a few questions once all are ready (so the classes of the request path are archived too, not only those
 * of start-up), and stopped gently: the JVM writes the archive as it exits. Their cold starts overlap on the CPUs
 * instead of following one another, so a first {@code mli up} after a build takes a few seconds longer than it did
 * without this step (55.7 s against 52 s), and every service is then ready within a few seconds of its start.
 */
final class ClassDataTraining {
    private static final int ROUNDS = 5;
    /**
     * Added to a real start's flags: the quick JIT only. Which classes get archived does not depend on the JIT, and
     * without the optimising compiler a cold start costs about half the CPU.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1");
    /** How long a killed service is given to be gone before its (maybe half-written) archive is deleted. */
    private static final long KILLED_EXIT_SECONDS = 10;

    /** Starts a service the way the real start does; the log goes where asked. */
    interface Launcher {
        Process launch(FleetService service, Path log) throws IOException;
    }

    /** Readiness: null once ready, otherwise why not. */
    interface Readiness {
        String await(FleetService service, Process process) throws InterruptedException;
    }

    /** The questions asked of the services that came up. */
    interface Questions {
        void ask(List<FleetService> ready) throws InterruptedException;
    }

    private ClassDataTraining() {
    }

    /** The services among these whose archive has not been written yet. */
    static List<FleetService> untrained(FleetHome home, List<FleetService> services) {
        return services.stream().filter(s -> !written(archive(home, s))).toList();
    }

    static Path archive(FleetHome home, FleetService s) {
        return home.runDir().resolve("app").resolve(s.module() + ".jsa");
    }

    private static boolean written(Path archive) {
        try {
            return Files.isRegularFile(archive) && Files.size(archive) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs the training for these services and returns those whose archive now exists. {@code running} receives the
     * processes while they run, so that an interrupted {@code mli up} stops them too. A service that had to be
     * killed leaves no archive: it may have been killed while writing it.
     */
    static List<FleetService> run(FleetHome home, List<FleetService> services, Launcher launcher,
                                  Readiness readiness, Questions questions, List<FleetProcesses.Started> running)
            throws IOException, InterruptedException {
        List<FleetProcesses.Started> started = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        try {
            for (FleetService s : services) {
                Path log = home.logs().resolve(s.module() + ".training.log");
                Process p = launcher.launch(s, log);
                processes.add(p);
                FleetProcesses.Started st = new FleetProcesses.Started(s, p.toHandle(), log);
                started.add(st);
                running.add(st);
            }
            List<FleetService> ready = new ArrayList<>();
            for (int i = 0; i < started.size(); i++) {
                FleetService s = started.get(i).service();
                if (readiness.await(s, processes.get(i)) == null) {
                    ready.add(s);
                }
            }
            questions.ask(ready);
        } finally {
            List<String> killed = FleetProcesses.stopAll(started);
            for (FleetProcesses.Started st : started) {
                if (killed.contains(st.service().module())) {
                    try {
                        st.process().onExit().get(KILLED_EXIT_SECONDS, TimeUnit.SECONDS);
                    } catch (ExecutionException | TimeoutException e) {
                        // gone or going: its archive is deleted either way
                    }
                    Files.deleteIfExists(archive(home, st.service()));
                }
            }
            running.removeAll(started);
        }
        return services.stream().filter(s -> written(archive(home, s))).toList();
    }

    /** A few requests to each service on its own endpoint; answers are not checked, only their code is run. */
    static void ask(List<FleetService> ready) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int round = 0; round < ROUNDS; round++) {
            for (FleetService s : ready) {
                String path = s == FleetService.ORCHESTRATOR ? "/inference" : "/infer";
                // Thai and Latin titles, so both paths are archived.
                List<String> titles = FleetUp.WARM_UP_TITLES;
                String title = titles.get((round + s.ordinal()) % titles.size());
                try {
                    http.send(FleetUp.postJson(s.url() + path, FleetUp.inferenceBody(title, round % 2 == 0)),
                            HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    // a service that does not answer is archived with what it loaded so far
                }
            }
        }
    }
}
