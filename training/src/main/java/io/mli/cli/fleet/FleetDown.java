package io.mli.cli.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mli down}: stops a fleet started with {@code mli up --detach}, using its {@code run/fleet.pids}. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the fleet that mli up --detach started (pids in run/fleet.pids).")
public final class FleetDown implements Callable<Integer> {

    @Option(names = "--run-dir", paramLabel = "DIR", description = "The run folder mli up used (default: run/ in the project).")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        FleetHome home = FleetHome.detect(runDir);
        Path pids = home.pidFile();
        if (!Files.exists(pids)) {
            System.out.println("mli down: no detached fleet (no " + pids + ")");
            return 0;
        }
        List<FleetProcesses.Started> running = new ArrayList<>();
        for (String line : Files.readAllLines(pids)) {
            String[] f = line.trim().split("\\s+");
            if (line.isBlank() || line.startsWith("#") || f.length < 2) {
                continue;
            }
            Optional<FleetService> service = Arrays.stream(FleetService.values())
                    .filter(s -> s.module().equals(f[0])).findFirst();
            if (service.isEmpty()) {
                continue;
            }
            FleetProcesses.ourProcess(Long.parseLong(f[1]), service.get()).ifPresentOrElse(
                    p -> running.add(new FleetProcesses.Started(service.get(), p, home.logs())),
                    () -> System.out.println("  " + f[0] + " (pid " + f[1] + ") was not running"));
        }
        List<String> killed = FleetProcesses.stopAll(running);
        running.forEach(r -> System.out.println("  stopped " + r.service().module() + " (pid " + r.process().pid()
                + ")" + (killed.contains(r.service().module()) ? " forcibly" : "")));
        Files.delete(pids);
        System.out.println("mli down: the fleet is stopped");
        return 0;
    }
}
