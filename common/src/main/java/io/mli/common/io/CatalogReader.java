package io.mli.common.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads title rows from JSONL (one JSON object a line) or CSV (a header row; RFC 4180 quoting), chosen by the file
 * name ({@code .csv}) or by the first character. The title is {@code title} or {@code product_name}; brand and
 * category are optional. Rows that cannot be read are reported one by one and never stop the reading: a line that
 * is not JSON, invalid UTF-8, a missing or empty title, a title over {@link #MAX_TITLE_CHARS} characters.
 */
public final class CatalogReader {
    public static final int MAX_TITLE_CHARS = 1_000;

    /** What a reader sees for each line: a row or an error, in input order. */
    public sealed interface Item permits Row, Error {
    }

    public record Row(CatalogRow row) implements Item {
    }

    /**
     * A line that could not be taken as a row; {@code fields} are the row's other fields where the line was a JSON
     * object (an {@code id} or {@code sku} to join the error back on), else empty.
     */
    public record Error(RowError error, Map<String, Object> fields) implements Item {
        public Error {
            fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Error(RowError error) {
            this(error, Map.of());
        }
    }

    private CatalogReader() {
    }

    /** Reads every row of a file, calling {@code sink} once per non-blank line, in order. */
    public static void read(Path file, Consumer<Item> sink) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        try (InputStream in = Files.newInputStream(file)) {
            read(in, csv, sink);
        }
    }

    public static void read(InputStream in, boolean csv, Consumer<Item> sink) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Read bytes line by line ourselves so one line of invalid UTF-8 is an error for that line only.
        LineSource lines = new LineSource(in);
        List<String> header = null;
        byte[] raw;
        long lineNo = 0;
        while ((raw = lines.next()) != null) {
            lineNo++;
            String text;
            try {
                text = decoder.decode(java.nio.ByteBuffer.wrap(raw)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                sink.accept(new Error(new RowError(lineNo, "line is not valid UTF-8",
                        new String(raw, StandardCharsets.UTF_8))));
                continue;
            }
            if (lineNo == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            if (csv || (header == null && lineNo == 1 && !text.stripLeading().startsWith("{"))) {
                List<String> cells = Csv.parse(text);
                if (header == null) {
                    header = cells;
                    csv = true;
                    continue;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(header.get(i), i < cells.size() ? cells.get(i) : null);
                }
                sink.accept(toItem(lineNo, fields, text));
            } else {
                sink.accept(parseJson(lineNo, text));
            }
        }
    }

    /** Reads a whole file into rows, dropping (and counting in {@code errors}) the rows that cannot be read. */
    public static List<CatalogRow> readAll(Path file, List<RowError> errors) throws IOException {
        List<CatalogRow> rows = new ArrayList<>();
        read(file, item -> {
            switch (item) {
                case Row r -> rows.add(r.row());
                case Error e -> {
                    if (errors != null) {
                        errors.add(e.error());
                    }
                }
            }
        });
        return rows;
    }

    private static Item parseJson(long lineNo, String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return new Error(new RowError(lineNo, "line is not valid JSON: " + firstLine(e.getOriginalMessage()),
                    text));
        }
        if (node == null || !node.isObject()) {
            return new Error(new RowError(lineNo, "line is not a JSON object", text));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            fields.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
        }
        return toItem(lineNo, fields, text);
    }

    private static Item toItem(long lineNo, Map<String, Object> fields, String raw) {
        Object title = fields.containsKey("title") ? fields.get("title") : fields.get("product_name");
        if (title == null) {
            return new Error(new RowError(lineNo, "row has no 'title' or 'product_name' field", raw), fields);
        }
        if (!(title instanceof String t)) {
            return new Error(new RowError(lineNo, "the title must be a string", raw), fields);
        }
        if (t.isBlank()) {
            return new Error(new RowError(lineNo, "the title is empty", raw), fields);
        }
        if (t.length() > MAX_TITLE_CHARS) {
            // The row's other fields come back; its title, too long to be one, does not.
            Map<String, Object> others = new LinkedHashMap<>(fields);
            others.remove("title");
            others.remove("product_name");
            return new Error(new RowError(lineNo, "the title has " + t.length() + " characters; at most "
                    + MAX_TITLE_CHARS + " are accepted", raw.length() > 200 ? raw.substring(0, 200) + "…" : raw),
                    others);
        }
        if (t.codePoints().allMatch(cp -> Character.isISOControl(cp) || Character.isWhitespace(cp))) {
            return new Error(new RowError(lineNo, "the title has only control characters", raw), fields);
        }
        return new Row(new CatalogRow(lineNo, t, string(fields.get("brand")), string(fields.get("category")),
                fields));
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Splits a byte stream into lines (LF or CRLF) without decoding. */
    private static final class LineSource {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;

        LineSource(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            java.io.ByteArrayOutputStream line = null;
            while (true) {
                if (pos == len) {
                    len = in.read(buf);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return line == null ? null : strip(line.toByteArray());
                    }
                }
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                if (line == null) {
                    line = new java.io.ByteArrayOutputStream(Math.max(64, pos - start));
                }
                line.write(buf, start, pos - start);
                if (pos < len) {
                    pos++; // the newline
                    return strip(line.toByteArray());
                }
            }
        }

        private static byte[] strip(byte[] b) {
            return b.length > 0 && b[b.length - 1] == '\r' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
        }
    }
}
