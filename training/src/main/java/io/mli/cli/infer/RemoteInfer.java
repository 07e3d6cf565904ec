package io.mli.cli.infer;

import io.mli.cli.fleet.FleetClient;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.io.CatalogReader;
import io.mli.common.io.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mli infer --url}: the same rows and the same output as in-process, answered by a running fleet through its
 * batch API. Rows the reader cannot read, or the fleet refuses, get an {@code error} field; the order is kept.
 */
final class RemoteInfer {
    static final int CHUNK = 1_000;

    private RemoteInfer() {
    }

    static int run(String url, Method method, Mode mode, Path in, Path out, List<String> titles) {
        FleetClient client = FleetClient.of(url);
        try (Writer w = InferCommand.writer(out)) {
            List<CatalogReader.Item> items = new ArrayList<>();
            if (in == null) {
                long line = 1;
                for (String t : titles) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("title", t);
                    items.add(new CatalogReader.Row(new io.mli.common.io.CatalogRow(line++, t, null, null, fields)));
                }
            } else {
                CatalogReader.read(in, items::add);
            }
            for (int from = 0; from < items.size(); from += CHUNK) {
                write(client, items.subList(from, Math.min(items.size(), from + CHUNK)), method, mode, w);
            }
            w.flush();
            return 0;
        } catch (IOException e) {
            System.err.println("mli infer: " + e.getMessage());
            return 1;
        }
    }

    private static void write(FleetClient client, List<CatalogReader.Item> chunk, Method method, Mode mode, Writer w)
            throws IOException {
        List<InferenceRequest> requests = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (chunk.get(i) instanceof CatalogReader.Row r) {
                requests.add(InferenceRequest.of(r.row().title()));
                positions.add(i);
            }
        }
        List<FleetClient.Outcome> outcomes = requests.isEmpty() ? List.of()
                : client.inferAll(requests, method, mode);
        Map<Integer, FleetClient.Outcome> byPosition = new java.util.HashMap<>();
        for (FleetClient.Outcome o : outcomes) {
            byPosition.put(positions.get(o.index()), o);
        }
        for (int i = 0; i < chunk.size(); i++) {
            Map<String, Object> row = switch (chunk.get(i)) {
                case CatalogReader.Row r -> {
                    FleetClient.Outcome o = byPosition.get(i);
                    yield o != null && o.ok() ? ResultRows.row(r.row().fields(), o.result())
                            : ResultRows.error(r.row().fields(), r.row().line(), o == null ? "no answer"
                                    : o.error());
                }
                case CatalogReader.Error e -> ResultRows.error(e.fields(), e.error().line(), e.error().message());
            };
            w.write(Json.MAPPER.writeValueAsString(row));
            w.write('\n');
        }
    }
}
