package io.mli.cli.kb;

import io.mli.common.io.CatalogReader;
import io.mli.common.io.CatalogRow;
import io.mli.common.io.Json;
import io.mli.common.kb.NonBrands;
import io.mli.common.text.BrandKeys;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mli kb split}: a catalog cut in two by brand, to measure how the engines do on brands the knowledge base has
 * never seen. Every row of one brand goes to the same side, so a knowledge base built from {@code train.jsonl} knows
 * none of the brands of {@code held-out.jsonl}, whose rows {@code mli eval} then scores as new brands
 * ({@code brand_in_catalog: false}). A user's own catalog has few rows of a brand the knowledge base lacks, and dev
 * sets fewer still; this gives as many as the catalog has. A brand's side is a hash of its key (the knowledge base's
 * way of telling brands apart), the same on every machine and run, so folds are repeatable and disjoint.
 */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Split a catalog by brand into train.jsonl and held-out.jsonl, to measure the engines on "
                + "brands the knowledge base has never seen.")
public final class KbSplitCommand implements Callable<Integer> {
    @Option(names = "--catalog", required = true, description = "Labelled titles: JSONL or CSV.")
    Path catalog;

    @Option(names = "--out", required = true, description = "Directory to write train.jsonl and held-out.jsonl into.")
    Path out;

    @Option(names = "--folds", defaultValue = "10", description = "Into how many groups the brands are dealt "
            + "(default: ${DEFAULT-VALUE}); one is held out.")
    int folds;

    @Option(names = "--fold", defaultValue = "0", description = "The group held out, 0 to folds-1 "
            + "(default: ${DEFAULT-VALUE}).")
    int fold;

    @Option(names = "--per-brand", description = "Hold out at most this many rows of a brand, the first ones "
            + "(default: all). A few brands with hundreds of rows otherwise make most of the held-out figure; a "
            + "dev set has a handful of rows per new brand.")
    Integer perBrand;

    static final String TRAIN = "train.jsonl";
    static final String HELD_OUT = "held-out.jsonl";

    @Override
    public Integer call() throws IOException {
        if (perBrand != null && perBrand < 1) {
            System.err.println("mli kb split: --per-brand must be at least 1");
            return 2;
        }
        if (folds < 2 || fold < 0 || fold >= folds) {
            System.err.printf("mli kb split: --fold must be 0 to %d and --folds at least 2 (got fold %d of %d)%n",
                    folds - 1, fold, folds);
            return 2;
        }
        if (!Files.isRegularFile(catalog)) {
            System.err.println("mli kb split: no such catalog file: " + catalog);
            return 2;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            System.err.println("mli kb split: --out must be a directory, and " + out + " is a file");
            return 2;
        }
        Files.createDirectories(out);
        for (String name : List.of(TRAIN, HELD_OUT)) {
            if (Files.exists(out.resolve(name)) && Files.isSameFile(catalog, out.resolve(name))) {
                System.err.println("mli kb split: the catalog is " + out.resolve(name)
                        + ", which the split would write over; give another --out");
                return 2;
            }
        }
        Counts n = new Counts();
        try (BufferedWriter train = Files.newBufferedWriter(out.resolve(TRAIN), StandardCharsets.UTF_8);
             BufferedWriter held = Files.newBufferedWriter(out.resolve(HELD_OUT), StandardCharsets.UTF_8)) {
            CatalogReader.read(catalog, item -> {
                switch (item) {
                    case CatalogReader.Row r -> {
                        CatalogRow row = r.row();
                        // Generic, No Brand: no brand, as the knowledge base reads them, so never held out.
                        String key = row.hasBrand() && !NonBrands.isPlaceholder(row.brand())
                                ? BrandKeys.key(row.brand()) : "";
                        boolean heldOut = !key.isEmpty() && heldOut(key, folds, fold);
                        if (heldOut && perBrand != null && n.heldOf(key) >= perBrand) {
                            n.beyondPerBrand++; // its brand is held out: it may not train either
                            return;
                        }
                        write(row, heldOut, heldOut ? held : train);
                        n.count(key, heldOut);
                    }
                    case CatalogReader.Error e -> {
                        n.unreadable++;
                        System.err.printf("mli kb split: line %d left out: %s%n", e.error().line(),
                                e.error().message());
                    }
                }
            });
        }
        System.err.printf("kb split: fold %d of %d — %d rows of %d brands held out (%s), %d rows of %d brands to "
                        + "train on (%s; %d of them without a brand), %d unreadable, %d over --per-brand left out%n",
                fold, folds, n.heldRows, n.heldBrands.size(), out.resolve(HELD_OUT), n.trainRows,
                n.trainBrands.size(), out.resolve(TRAIN), n.unbranded, n.unreadable, n.beyondPerBrand);
        return 0;
    }

    /** The row as read, every field kept; a held-out row says its brand is not in the knowledge base. */
    private static void write(CatalogRow row, boolean heldOut, BufferedWriter to) {
        Map<String, Object> fields = new LinkedHashMap<>(row.fields());
        if (heldOut) {
            fields.put("brand_in_catalog", false);
        }
        try {
            to.write(Json.MAPPER.writeValueAsString(fields));
            to.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the brand with this key falls in the held-out group: CRC32 of its UTF-8 bytes, modulo the folds. */
    static boolean heldOut(String brandKey, int folds, int fold) {
        CRC32 crc = new CRC32();
        crc.update(brandKey.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % folds == fold;
    }

    private static final class Counts {
        final Map<String, Integer> heldBrands = new HashMap<>();
        final Set<String> trainBrands = new HashSet<>();
        long heldRows;
        long trainRows;
        long unbranded;
        long unreadable;
        long beyondPerBrand;

        int heldOf(String brandKey) {
            return heldBrands.getOrDefault(brandKey, 0);
        }

        void count(String brandKey, boolean heldOut) {
            if (heldOut) {
                heldRows++;
                heldBrands.merge(brandKey, 1, Integer::sum);
            } else {
                trainRows++;
                if (brandKey.isEmpty()) {
                    unbranded++;
                } else {
                    trainBrands.add(brandKey);
                }
            }
        }
    }
}
