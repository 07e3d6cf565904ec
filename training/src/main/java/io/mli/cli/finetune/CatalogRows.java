package io.mli.cli.finetune;

import io.mli.common.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a labelled catalog: JSON Lines ({@code {"title": …, "brand": …, "category": …}} per line) or CSV with a
 * header naming {@code title}, {@code brand} and optionally {@code category} (RFC 4180 quoting, any column order).
 * The format follows the file's extension ({@code .csv} is CSV, anything else JSON Lines). Errors name the line.
 */
public final class CatalogRows {
    private CatalogRows() {
    }

    public static List<CatalogRow> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no catalog at " + file);
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? readCsv(file)
                : readJsonLines(file);
    }

    static List<CatalogRow> readJsonLines(Path file) throws IOException {
        List<CatalogRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(line);
                } catch (JacksonException e) {
                    throw new IOException(file + ":" + n + ": not JSON: " + e.getOriginalMessage());
                }
                String title = text(node, "title");
                if (title == null) {
                    throw new IOException(file + ":" + n + ": no \"title\"");
                }
                rows.add(new CatalogRow(title, text(node, "brand"), text(node, "category")));
            }
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static List<CatalogRow> readCsv(Path file) throws IOException {
        List<List<String>> records = parseCsv(Files.readString(file, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)
                .replace("\uFEFF", "")).toList();
        int title = header.indexOf("title");
        int brand = header.indexOf("brand");
        int category = header.indexOf("category");
        if (title < 0 || brand < 0) {
            throw new IOException(file + ": the CSV header must name 'title' and 'brand' columns; it has " + header);
        }
        List<CatalogRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.getFirst().isBlank()) {
                continue;
            }
            rows.add(new CatalogRow(cell(r, title), cell(r, brand), category < 0 ? null : cell(r, category)));
        }
        return rows;
    }

    private static String cell(List<String> r, int i) {
        return i < r.size() && !r.get(i).isEmpty() ? r.get(i) : null;
    }

    /** RFC 4180: commas, double-quoted fields with doubled quotes, line breaks inside quotes, CRLF or LF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                out.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            out.add(row);
        }
        return out;
    }
}
