package io.mli.common.vector.lucene;

import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.io.Json;
import io.mli.common.text.BrandKeys;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.SearchRequest;
import io.mli.common.vector.SearchRequest.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A benchmark, not a test: indexes {@code catalog.jsonl} and times searches with {@code dev.jsonl} titles.
 * Run: {@code java -cp ... io.mli.common.vector.lucene.LuceneStoreBenchmark ../shared/data [dir]}.
 */
public final class LuceneStoreBenchmark {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        HashedNgramEmbedder embedder = new HashedNgramEmbedder();
        List<ProductRecord> products = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(data.resolve("catalog.jsonl"))) {
            JsonNode row = Json.MAPPER.readTree(line);
            String brand = row.get("brand").asString();
            products.add(new ProductRecord("c" + n++, row.get("title").asString(), BrandKeys.key(brand), brand,
                    row.path("category").isNull() ? null : row.path("category").asString(),
                    row.get("lang").asString(), null));
        }
        List<String> queries = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("dev.jsonl"))) {
            queries.add(Json.MAPPER.readTree(line).get("title").asString());
        }
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("mli-bench");
        long t0 = System.nanoTime();
        if (LuceneVectorStore.exists(dir)) {
            System.out.println("reusing the index in " + dir);
        } else try (LuceneVectorStore store = LuceneVectorStore.open(dir, embedder)) {
            store.upsert(products);
            System.out.printf("indexed %d products in %.1f s%n", products.size(), (System.nanoTime() - t0) / 1e9);
        }
        var mxb = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long c0 = mxb.getCurrentThreadCpuTime();
            for (String q : queries) {
                embedder.embed(q);
            }
            System.out.printf("embed  round %d: cpu %.1f us/title%n", round,
                    (mxb.getCurrentThreadCpuTime() - c0) / 1e3 / queries.size());
        }
        try (LuceneVectorStore store = LuceneVectorStore.openReadOnly(dir, embedder)) {
            for (Mode mode : List.of(Mode.VECTOR, Mode.TEXT, Mode.HYBRID, Mode.VECTOR, Mode.HYBRID)) {
                for (int round = 0; round < 3; round++) {
                    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                    long cpu = mx.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    long[] lat = new long[queries.size()];
                    for (int i = 0; i < queries.size(); i++) {
                        long s = System.nanoTime();
                        store.search(new SearchRequest(queries.get(i), null, 10, mode, null, null));
                        lat[i] = System.nanoTime() - s;
                    }
                    java.util.Arrays.sort(lat);
                    double cpuUs = (mx.getCurrentThreadCpuTime() - cpu) / 1e3 / queries.size();
                    System.out.printf("%-6s round %d: cpu %.0f us/search, wall mean %.0f us, p50 %.0f us, p99 %.0f us"
                            + " (incl. embedding)%n", mode, round, cpuUs,
                            (System.nanoTime() - start) / 1e3 / queries.size(), lat[lat.length / 2] / 1e3,
                            lat[(int) (lat.length * 0.99)] / 1e3);
                }
            }
        }
    }
}
