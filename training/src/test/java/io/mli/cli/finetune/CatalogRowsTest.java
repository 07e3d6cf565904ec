package io.mli.cli.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogRowsTest {
    @TempDir
    Path dir;

    @Test
    void readsJsonLines() throws IOException {
        Path f = dir.resolve("c.jsonl");
        Files.writeString(f, """
                {"title": "Nivea Soft 200ml", "brand": "NIVEA", "category": "Beauty", "lang": "en"}

                {"title": "กันแดดเคลียร์โนส 80ml", "brand": null}
                """);
        var rows = CatalogRows.read(f);
        assertThat(rows).containsExactly(new CatalogRow("Nivea Soft 200ml", "NIVEA", "Beauty"),
                new CatalogRow("กันแดดเคลียร์โนส 80ml", null, null));
    }

    @Test
    void badJsonNamesTheLine() throws IOException {
        Path f = dir.resolve("c.jsonl");
        Files.writeString(f, "{\"title\": \"a\", \"brand\": \"b\"}\n{oops\n");
        assertThatThrownBy(() -> CatalogRows.read(f)).hasMessageContaining(":2:");
    }

    @Test
    void readsCsvWithQuotesNewlinesAnyColumnOrderAndABom() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "\uFEFFcategory,Brand,title\r\n"
                + "Snacks,LAY'S,\"Lay's Classic, 50g\"\r\n"
                + ",\"Dr.Althea\",\"Dr.Althea \"\"345\"\" Cream\nline two\"\n");
        var rows = CatalogRows.read(f);
        assertThat(rows).containsExactly(new CatalogRow("Lay's Classic, 50g", "LAY'S", "Snacks"),
                new CatalogRow("Dr.Althea \"345\" Cream\nline two", "Dr.Althea", null));
    }

    @Test
    void csvNeedsTitleAndBrandColumns() throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, "name,label\na,b\n");
        assertThatThrownBy(() -> CatalogRows.read(f)).hasMessageContaining("'title' and 'brand'");
    }
}
