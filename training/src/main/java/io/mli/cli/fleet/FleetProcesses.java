package io.mli.cli.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Stopping service processes gently (SIGTERM, so Spring shuts down gracefully), then firmly. */
final class FleetProcesses {
    static final long GRACE_SECONDS = 30;

    private FleetProcesses() {
    }

    /** A started service: which one, its process and its log. */
    record Started(FleetService service, ProcessHandle process, Path log) {
    }

    /** Stops them all at once and waits; returns the names of those that had to be killed. */
    static List<String> stopAll(List<Started> started) {
        List<String> killed = new ArrayList<>();
        for (Started s : started.reversed()) {
            if (s.process().isAlive()) {
                s.process().destroy();
            }
        }
        for (Started s : started.reversed()) {
            try {
                s.process().onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                s.process().destroyForcibly();
                killed.add(s.service().module());
            }
        }
        return killed;
    }

    /** The last lines of a log, to show why a service did not come up. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log at " + log + ")";
        }
    }

    /** The process with this pid, if it is still one of our services (guards against reused pids). */
    static Optional<ProcessHandle> ourProcess(long pid, FleetService service) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(service.module())).orElse(true));
    }
}
