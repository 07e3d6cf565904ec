package io.mli.common.kb;

import java.nio.file.Path;

/**
 * Where the parts of a knowledge-base directory live. One directory holds everything a service or {@code mli}
 * needs, so it can be copied, published to S3 and loaded as one versioned unit:
 * <pre>
 *   kb.json            brands, aliases, version, build facts
 *   ner/               the NER model (CRF), its vocabulary, and the brands' products by category
 *   index/             the embedded vector store (Lucene)
 *   calibration.json   the orchestrator's calibration, fitted on the catalog
 * </pre>
 */
public record KbLayout(Path root) {
    public Path kbFile() {
        return root.resolve("kb.json");
    }

    public Path nerDir() {
        return root.resolve("ner");
    }

    public Path indexDir() {
        return root.resolve("index");
    }

    public Path calibrationFile() {
        return root.resolve("calibration.json");
    }
}
