package io.mli.infrastructure;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * External tools the checks need (node, npm, shellcheck, bash, jq). On CI ({@code CI=true}) a missing tool fails the
 * test, because .ci/setup must have installed it; on a developer machine the test is skipped with the reason.
 */
final class Tools {
  private Tools() {}

  /** A finished process. */
  record Result(int exit, String stdout, String stderr) {
    String all() {
      return stdout + stderr;
    }
  }

  static Optional<Path> find(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static Path require(String name, String installHint) {
    return require(name, installHint, "true".equalsIgnoreCase(System.getenv("CI")));
  }

  /** The tool's path; when it is missing, fails on CI and aborts (skips) the test elsewhere. */
  static Path require(String name, String installHint, boolean ci) {
    Optional<Path> found = find(name);
    if (found.isPresent()) {
      return found.get();
    }
    String message = "'" + name + "' is not on PATH (" + installHint + ")";
    if (ci) {
      fail(message + "; on CI .ci/setup must install it");
    }
    Assumptions.abort(message + ": skipped locally");
    throw new AssertionError("unreachable");
  }

  static Result run(Path dir, Map<String, String> env, List<String> command) {
    return run(dir, env, command, null);
  }

  /** Runs a command; {@code env} entries with a null value are removed from the inherited environment. */
  static Result run(Path dir, Map<String, String> env, List<String> command, String stdin) {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    env.forEach((k, v) -> {
      if (v == null) {
        builder.environment().remove(k);
      } else {
        builder.environment().put(k, v);
      }
    });
    try {
      Path out = Files.createTempFile("mli-out", ".txt");
      Path err = Files.createTempFile("mli-err", ".txt");
      builder.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process process = builder.start();
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      // A guard against a hung script, not a speed assertion.
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("timed out: " + command);
      }
      Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
