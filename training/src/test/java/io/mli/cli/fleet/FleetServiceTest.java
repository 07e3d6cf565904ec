package io.mli.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FleetServiceTest {

    @Test
    void parsesNamesInStartOrder() {
        assertThat(FleetService.parse(null)).containsExactly(FleetService.values());
        assertThat(FleetService.parse("orchestrator, ner-agent,rag"))
                .containsExactly(FleetService.NER, FleetService.RAG, FleetService.ORCHESTRATOR);
        assertThatThrownBy(() -> FleetService.parse("ner,milvus")).hasMessageContaining("unknown service 'milvus'");
    }

    @Test
    void portsAndHeapsFollowTheArchitecture() {
        assertThat(FleetService.ORCHESTRATOR.port()).isEqualTo(8080);
        assertThat(FleetService.NER.port()).isEqualTo(8081);
        assertThat(FleetService.RAG.port()).isEqualTo(8082);
        assertThat(FleetService.LLM.port()).isEqualTo(8083);
        assertThat(FleetService.HYBRID.port()).isEqualTo(8084);
        FleetHome home = new FleetHome(Path.of("/p"), Path.of("/p/run"));
        assertThat(FleetUp.jvmFlags(home, FleetService.NER))
                .contains("-Xmx" + FleetService.NER.heap(), "-XX:+AutoCreateSharedArchive",
                        "-XX:SharedArchiveFile=/p/run/app/ner-agent.jsa")
                .noneMatch(f -> f.startsWith("-XX:TieredStopAtLevel"));
        assertThat(home.pidFile()).isEqualTo(Path.of("/p/run/fleet.pids"));
    }
}
