package io.mli.ner.engine;

import io.mli.common.kb.KnowledgeBaseStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TmpDebugTest {
    @Test
    void dump() throws Exception {
        Path dir = Path.of("/tmp/kb");
        NerEngine e = NerEngine.open(KnowledgeBaseStore.load(dir), dir);
        for (String t : System.getProperty("titles", "หูฟัง Sony").split("\\|")) {
            System.out.println("== " + t);
            for (NerEngine.Candidate c : e.candidates(t)) {
                System.out.println("   " + c);
            }
        }
    }
}
