package io.mli.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataTrainingTest {
    @TempDir
    Path tmp;

    /**
     * A real JVM with the fleet's archive flags, stopped the way the training run stops a service (SIGTERM): it
     * writes its archive as it exits. A process started without them writes none and is reported untrained.
     */
    @Test
    void aStoppedServiceLeavesItsArchiveBehind() throws Exception {
        FleetHome home = new FleetHome(tmp, tmp.resolve("run"));
        Files.createDirectories(home.logs());
        Files.createDirectories(home.runDir().resolve("app"));
        Path sleeper = tmp.resolve("Sleeper.java");
        Files.writeString(sleeper, """
                public class Sleeper {
                    public static void main(String[] args) throws Exception {
                        System.out.println("ready");
                        Thread.sleep(120_000);
                    }
                }
                """);
        Path jdk = Path.of(System.getProperty("java.home"));
        // A dynamic archive is made on top of the JDK's own (lib/server/classes.jsa); without it there is none.
        assumeTrue(Files.exists(jdk.resolve("lib/server/classes.jsa")), "this JDK ships no base CDS archive");
        String java = jdk.resolve("bin").resolve("java").toString();
        List<FleetService> services = List.of(FleetService.NER, FleetService.LLM);
        assertThat(ClassDataTraining.untrained(home, services)).isEqualTo(services);

        List<Process> launched = new ArrayList<>();
        List<FleetProcesses.Started> running = new ArrayList<>();
        List<FleetService> asked = new ArrayList<>();
        List<FleetService> trained = ClassDataTraining.run(home, services, (s, log) -> {
            List<String> cmd = new ArrayList<>(List.of(java));
            if (s == FleetService.NER) {
                cmd.addAll(List.of("-XX:+AutoCreateSharedArchive",
                        "-XX:SharedArchiveFile=" + ClassDataTraining.archive(home, s), "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off"));
            }
            cmd.add(sleeper.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            launched.add(p);
            return p;
        }, (s, p) -> awaitLine(home.logs().resolve(s.module() + ".training.log"), p), asked::addAll, running);

        assertThat(trained).containsExactly(FleetService.NER);
        assertThat(ClassDataTraining.untrained(home, services)).containsExactly(FleetService.LLM);
        assertThat(Files.size(ClassDataTraining.archive(home, FleetService.NER))).isPositive();
        assertThat(launched).hasSize(2).noneMatch(Process::isAlive);
        assertThat(running).isEmpty();
        assertThat(asked).as("both came up, so both were asked").isEqualTo(services);
    }

    private static String awaitLine(Path log, Process p) {
        try {
            for (int i = 0; i < 600 && p.isAlive(); i++) {
                if (Files.exists(log) && Files.readString(log).contains("ready")) {
                    return null;
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "not ready";
    }
}
