package io.mli.common.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {

    private static List<CatalogReader.Item> read(byte[] bytes, boolean csv) throws IOException {
        List<CatalogReader.Item> items = new ArrayList<>();
        CatalogReader.read(new ByteArrayInputStream(bytes), csv, items::add);
        return items;
    }

    @Test
    void readsJsonlWithTitleOrProductNameAndKeepsEveryField() throws IOException {
        String in = """
                {"title": "Nivea Cream 50ml", "brand": "NIVEA", "sku": 7}
                {"product_name": "Lays Classic", "category": "Snacks"}
                """;
        List<CatalogReader.Item> items = read(in.getBytes(StandardCharsets.UTF_8), false);
        assertThat(items).hasSize(2).allMatch(i -> i instanceof CatalogReader.Row);
        CatalogRow first = ((CatalogReader.Row) items.get(0)).row();
        assertThat(first.brand()).isEqualTo("NIVEA");
        assertThat(first.fields()).containsEntry("sku", 7);
        assertThat(((CatalogReader.Row) items.get(1)).row().title()).isEqualTo("Lays Classic");
    }

    @Test
    void reportsEachBadLineAndGoesOn() throws IOException {
        byte[] bad = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        String rest = "not json\n{\"title\": \"\"}\n{\"title\": 42}\n{\"name\": \"x\"}\n{\"title\": \""
                + "x".repeat(100_000) + "\"}\n{\"title\": \"\\u0007\\u0008\"}\n{\"title\": \"ok\"}\n";
        byte[] all = new byte[bad.length + rest.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bad, 0, all, 0, bad.length);
        System.arraycopy(rest.getBytes(StandardCharsets.UTF_8), 0, all, bad.length, all.length - bad.length);
        List<CatalogReader.Item> items = read(all, false);
        assertThat(items).hasSize(8);
        List<String> messages = items.stream().filter(i -> i instanceof CatalogReader.Error)
                .map(i -> ((CatalogReader.Error) i).error().message()).toList();
        assertThat(messages).hasSize(7);
        assertThat(messages.get(0)).contains("UTF-8");
        assertThat(messages.get(1)).contains("not valid JSON");
        assertThat(messages.get(2)).contains("empty");
        assertThat(messages.get(3)).contains("must be a string");
        assertThat(messages.get(4)).contains("no 'title'");
        assertThat(messages.get(5)).contains("at most 1000");
        assertThat(messages.get(6)).contains("control characters");
        assertThat(((CatalogReader.Error) items.get(1)).error().line()).isEqualTo(2);
        assertThat(items.get(7)).isInstanceOf(CatalogReader.Row.class);
    }

    @Test
    void readsCsvWithAHeaderAndQuotes() throws IOException {
        String in = "title,brand,category\n\"Dr.Althea Cream, 50ml\",Dr.Althea,Beauty\n\"Lays \"\"Classic\"\"\",LAY'S,\n";
        List<CatalogReader.Item> items = read(in.getBytes(StandardCharsets.UTF_8), true);
        assertThat(items).hasSize(2);
        assertThat(((CatalogReader.Row) items.get(0)).row().title()).isEqualTo("Dr.Althea Cream, 50ml");
        assertThat(((CatalogReader.Row) items.get(1)).row().title()).isEqualTo("Lays \"Classic\"");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> CatalogReader.read(Path.of("/no/such/file.jsonl"), i -> { }))
                .isInstanceOf(NoSuchFileException.class);
    }
}
