package io.mli.common.vector.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.cli.Mli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mli kb build --store milvus} against the in-process fake Milvus server: the catalog's products go into a new
 * versioned collection and the alias moves to it; a second build replaces it and drops the old one.
 * (In this package to read the fake's state.)
 */
class KbBuildMilvusTest {

    @Test
    void loadsANewCollectionAndSwitchesTheAlias(@TempDir Path dir) throws Exception {
        Path catalog = dir.resolve("catalog.jsonl");
        StringBuilder sb = new StringBuilder();
        String[] brands = {"Nivea", "Mae Ploy", "Heinz", "Kikkoman"};
        String[] products = {"Soft Cream 100ml.", "Red Curry Paste 50g.", "Tomato Ketchup 300g.", "Soy Sauce 150ml."};
        for (int b = 0; b < brands.length; b++) {
            for (int p = 0; p < products.length; p++) {
                sb.append("{\"title\": \"").append(brands[b]).append(' ').append(products[(b + p) % 4])
                        .append("\", \"brand\": \"").append(brands[b].toUpperCase()).append("\"}\n");
            }
        }
        Files.writeString(catalog, sb.toString());
        try (FakeMilvus milvus = new FakeMilvus()) {
            String[] args = {"kb", "build", "--catalog", catalog.toString(), "--kb", dir.resolve("kb").toString(),
                "--store", "milvus", "--milvus-uri", milvus.uri()};
            assertThat(Mli.commandLine().execute(args)).isZero();
            String first = milvus.aliases.get("mli_products");
            assertThat(first).startsWith("mli_products_v");
            assertThat(milvus.collections.get(first).rows).hasSize(16);

            Thread.sleep(1_100); // versioned names carry the time, to the second
            assertThat(Mli.commandLine().execute(args)).isZero();
            String second = milvus.aliases.get("mli_products");
            assertThat(second).isNotEqualTo(first);
            assertThat(milvus.collections).doesNotContainKey(first).containsKey(second);
        }
        assertThat(dir.resolve("kb/index")).isDirectory();
        assertThat(Mli.commandLine().execute("kb", "build", "--catalog", catalog.toString(), "--kb",
                dir.resolve("kb2").toString(), "--store", "milvus")).isEqualTo(2);
    }
}
