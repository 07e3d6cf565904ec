package io.mli.common.vector.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.io.Json;
import io.mli.common.text.BrandKeys;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.SearchHit;
import io.mli.common.vector.SearchRequest;
import io.mli.common.vector.SearchRequest.Mode;
import io.mli.common.vector.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;

/**
 * The Lucene store on real catalog titles (the first 3,000 rows of {@code catalog.jsonl}, to keep the build quick):
 * the quantised HNSW graph must find the exact nearest neighbour, and a product must find itself. Skipped without
 * {@code -Dmli.shared.data}.
 */
@EnabledIf(value = "dataPresent", disabledReason = "shared data not found: set -Dmli.shared.data to the folder "
        + "holding catalog.jsonl")
class LuceneCatalogTest {
    private static final int ROWS = 3_000;
    private static final HashedNgramEmbedder EMBEDDER = new HashedNgramEmbedder();
    private static List<ProductRecord> products;
    private static List<float[]> vectors;
    private static LuceneVectorStore store;

    static Path catalog() {
        String data = System.getProperty("mli.shared.data");
        return data == null ? null : Path.of(data, "catalog.jsonl");
    }

    static boolean dataPresent() {
        return catalog() != null && Files.isRegularFile(catalog());
    }

    @BeforeAll
    static void index() throws Exception {
        Path catalog = catalog();
        products = new ArrayList<>();
        vectors = new ArrayList<>();
        for (String line : Files.readAllLines(catalog).subList(0, ROWS)) {
            JsonNode row = Json.MAPPER.readTree(line);
            String title = row.get("title").asString();
            float[] v = EMBEDDER.embed(title);
            vectors.add(v);
            products.add(new ProductRecord("c" + products.size(), title, BrandKeys.key(row.get("brand").asString()),
                    row.get("brand").asString(), row.path("category").asString(null), row.get("lang").asString(), v));
        }
        store = LuceneVectorStore.inMemory(EMBEDDER);
        store.upsert(products);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void hnswFindsTheExactNearestNeighbour() {
        int agree = 0;
        int queries = 0;
        for (int i = 0; i < ROWS; i += 15) {
            queries++;
            float[] q = vectors.get(i);
            // Exact neighbour other than the product itself, by brute force.
            int best = -1;
            double bestSim = -2;
            for (int j = 0; j < ROWS; j++) {
                double s = Vectors.dot(q, vectors.get(j));
                if (j != i && s > bestSim) {
                    best = j;
                    bestSim = s;
                }
            }
            List<SearchHit> hits = store.search(new SearchRequest(null, q, 1, Mode.VECTOR, null, null)
                    .excluding(Set.of("c" + i)));
            if (Math.abs(hits.getFirst().similarity() - bestSim) < 1e-6) {
                agree++; // the same similarity counts: duplicates of one title are interchangeable
            }
        }
        assertThat((double) agree / queries).as("HNSW recall@1 over %d queries", queries).isGreaterThan(0.95);
    }

    @Test
    void everyModeFindsTheProductItselfFirst() {
        for (Mode mode : Mode.values()) {
            int found = 0;
            int queries = 0;
            for (int i = 0; i < ROWS; i += 30) {
                queries++;
                SearchHit top = store.search(new SearchRequest(products.get(i).title(), null, 1, mode, null, null))
                        .getFirst();
                found += top.product().title().equals(products.get(i).title()) ? 1 : 0;
            }
            assertThat((double) found / queries).as(mode.name()).isGreaterThan(0.97);
        }
    }
}
