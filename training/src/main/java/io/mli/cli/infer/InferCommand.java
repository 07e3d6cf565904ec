package io.mli.cli.infer;

import io.mli.cli.Engines;
import io.mli.cli.Progress;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.io.CatalogReader;
import io.mli.common.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mli infer}: one title (printed as one JSON result), or a JSONL/CSV file of rows written as exactly one
 * output row per input row, in order, with the input's fields passed through. A row that cannot be processed gets
 * an {@code error} field and the run goes on.
 */
@Command(name = "infer", mixinStandardHelpOptions = true,
        description = "Infer the brand of titles, in-process (or through a running fleet with --url).")
public final class InferCommand implements Callable<Integer> {
    static final int CHUNK = 512;

    @Option(names = "--kb", description = "Knowledge-base directory (default: the built-in starter knowledge base).")
    Path kb;

    @Option(names = "--method", defaultValue = "orchestrator",
            description = "orchestrator, ner, rag, llm or hybrid (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--mode", defaultValue = "cascade", description = "cascade or all (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--in", description = "Input rows: JSONL (title or product_name per row) or CSV with a header.")
    Path in;

    @Option(names = "--out", description = "Output JSONL (default: standard output).")
    Path out;

    @Option(names = "--url", description = "Send the rows to a running fleet (e.g. http://localhost:8080).")
    String url;

    @Parameters(arity = "0..*", paramLabel = "TITLE", description = "Titles to infer (when --in is not given).")
    List<String> titles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Method m;
        Mode md;
        try {
            m = Method.parse(method);
            md = Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            System.err.println("mli infer: " + e.getMessage());
            return 2;
        }
        if (in == null && titles.isEmpty()) {
            System.err.println("mli infer: give a TITLE or --in FILE");
            return 2;
        }
        if (in != null && !Files.isRegularFile(in)) {
            System.err.println("mli infer: no such file: " + in);
            return 2;
        }
        if (url != null) {
            return RemoteInfer.run(url, m, md, in, out, titles);
        }
        try (Engines engines = Engines.open(kb)) {
            if (in == null) {
                try (Writer w = writer()) {
                    for (String t : titles) {
                        Map<String, Object> input = new LinkedHashMap<>();
                        input.put("title", t);
                        w.write(Json.MAPPER.writeValueAsString(one(engines, input, t, m, md)));
                        w.write('\n');
                    }
                }
                return 0;
            }
            return batch(engines, m, md);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("mli infer: " + e.getCause().getMessage());
            return 1;
        }
    }

    private int batch(Engines engines, Method m, Mode md) throws IOException {
        long total = countLines(in);
        int[] errors = {0};
        long[] rows = {0};
        try (Writer w = writer(); Progress progress = Progress.start("infer", total)) {
            List<CatalogReader.Item> chunk = new ArrayList<>(CHUNK);
            IOException[] failure = {null};
            CatalogReader.read(in, item -> {
                chunk.add(item);
                if (chunk.size() == CHUNK) {
                    failure[0] = flush(engines, m, md, chunk, w, errors, progress, rows, failure[0]);
                }
            });
            failure[0] = flush(engines, m, md, chunk, w, errors, progress, rows, failure[0]);
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        System.err.printf("mli infer: %d rows written%s%n", rows[0],
                errors[0] == 0 ? "" : ", " + errors[0] + " with an error field");
        return 0;
    }

    private IOException flush(Engines engines, Method m, Mode md, List<CatalogReader.Item> chunk, Writer w,
                              int[] errors, Progress progress, long[] rows, IOException previous) {
        if (previous != null || chunk.isEmpty()) {
            chunk.clear();
            return previous;
        }
        List<Map<String, Object>> results = chunk.parallelStream().map(item -> switch (item) {
            case CatalogReader.Row r -> {
                try {
                    yield one(engines, r.row().fields(), r.row().title(), m, md);
                } catch (RuntimeException e) {
                    yield ResultRows.error(r.row().fields(), r.row().line(), "inference failed: " + e);
                }
            }
            case CatalogReader.Error e -> ResultRows.error(e.fields(), e.error().line(), e.error().message());
        }).toList();
        try {
            for (Map<String, Object> r : results) {
                if (r.containsKey("error")) {
                    errors[0]++;
                }
                w.write(Json.MAPPER.writeValueAsString(r));
                w.write('\n');
            }
        } catch (IOException e) {
            return e;
        }
        rows[0] += results.size();
        progress.step(results.size());
        chunk.clear();
        return null;
    }

    static Map<String, Object> one(Engines engines, Map<String, Object> input, String title, Method m, Mode md) {
        InferenceResult r = engines.orchestrator().infer(InferenceRequest.of(title), m, md);
        return ResultRows.row(input, r);
    }

    private Writer writer() throws IOException {
        return writer(out);
    }

    /** Where output rows go: the file (its folder made if need be), or standard output, left open on close. */
    static Writer writer(Path out) throws IOException {
        if (out == null) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
