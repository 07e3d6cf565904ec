package io.mli.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository's files are, and reading them. Surefire sets {@code mli.root}; otherwise the parent folder. */
final class Repo {
  static final Path ROOT = Path.of(System.getProperty("mli.root", "..")).toAbsolutePath().normalize();
  static final Path INFRA = ROOT.resolve("infrastructure");
  static final Path CFN = INFRA.resolve("cloudformation");
  static final Path ECS = INFRA.resolve("ecs");
  static final Path SCRIPTS = INFRA.resolve("scripts");
  static final Path DOCKER = ROOT.resolve("docker");

  private Repo() {}

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files directly in {@code dir} whose names end with {@code suffix}, sorted. */
  static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every shell script the deployment ships, and the CI preparation that installs the checks' tools. */
  static List<Path> shellScripts() {
    return Stream.of(list(SCRIPTS, ".sh"), list(SCRIPTS.resolve("lib"), ".sh"),
            list(INFRA.resolve("monitoring"), ".sh"), list(DOCKER, ".sh"), List.of(ROOT.resolve(".ci/setup")))
        .flatMap(List::stream).toList();
  }
}
