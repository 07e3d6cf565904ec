package io.mli.cli.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the fleet's files are: the project root ({@code mli.home}, set by {@code bin/mli}, else the current
 * directory), the services' exec jars in {@code <module>/target}, and the run folder ({@code run/}: logs, the pid
 * file of a detached fleet, the extracted jars and their class-data archives).
 */
public record FleetHome(Path root, Path runDir) {

    public static FleetHome detect(Path runDirOrNull) {
        String home = System.getProperty("mli.home", System.getenv("MLI_HOME"));
        Path root = (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
        return new FleetHome(root, runDirOrNull != null ? runDirOrNull.toAbsolutePath() : root.resolve("run"));
    }

    public Path logs() {
        return runDir.resolve("logs");
    }

    public Path pidFile() {
        return runDir.resolve("fleet.pids");
    }

    /** The newest {@code <module>-*-exec.jar} in the module's target folder, if built. */
    public Optional<Path> execJar(FleetService s) {
        Path target = root.resolve(s.module()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(s.module() + "-") && n.endsWith("-exec.jar");
            }).max(Comparator.comparing(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
