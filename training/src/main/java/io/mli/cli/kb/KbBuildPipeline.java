package io.mli.cli.kb;

import io.mli.common.io.CatalogReader;
import io.mli.common.io.CatalogRow;
import io.mli.common.io.RowError;
import io.mli.common.kb.KbLayout;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseBuilder;
import io.mli.common.kb.KnowledgeBaseStore;
import io.mli.ner.engine.BrandCategories;
import io.mli.ner.engine.NerTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a knowledge-base directory from a catalog file: the brands and aliases, the NER model, the vector index,
 * and the calibration. The steps are public so {@code mli ner train} can rerun one of them.
 */
public final class KbBuildPipeline {
    private final Path catalog;
    private final Path dir;
    private final boolean starter;
    private final PrintStream log;

    /** The steps {@link #build} reports to its progress callback: brands, index, NER model, calibration. */
    public static final int STEPS = 4;

    private final java.util.function.LongConsumer progress;

    public KbBuildPipeline(Path catalog, Path dir, boolean starter, PrintStream log) {
        this(catalog, dir, starter, log, n -> { });
    }

    /** {@code progress} hears of each finished step (see {@link #STEPS}). */
    public KbBuildPipeline(Path catalog, Path dir, boolean starter, PrintStream log,
                           java.util.function.LongConsumer progress) {
        this.catalog = catalog;
        this.dir = dir;
        this.starter = starter;
        this.log = log;
        this.progress = progress;
    }

    /** What a build did, printed as the summary and kept in the knowledge base's metadata. */
    public record Summary(KnowledgeBase kb, int rows, int badRows, Map<String, Object> figures) {
    }

    public List<CatalogRow> readCatalog(List<RowError> errors) throws IOException {
        List<CatalogRow> rows = CatalogReader.readAll(catalog, errors);
        if (!errors.isEmpty()) {
            log.printf("kb: %d catalog rows could not be read (first: line %d: %s)%n", errors.size(),
                    errors.getFirst().line(), errors.getFirst().message());
        }
        return rows;
    }

    public Summary build() throws IOException {
        long t0 = System.nanoTime();
        List<RowError> errors = new ArrayList<>();
        List<CatalogRow> rows = readCatalog(errors);
        long brandRows = rows.stream().filter(CatalogRow::hasBrand).count();
        if (brandRows == 0) {
            throw new IOException("the catalog " + catalog + " has no rows with a brand; nothing to build from");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(starter)
                .metadata("catalog", catalog.getFileName().toString())
                .build();
        figures.put("kbMillis", (System.nanoTime() - t0) / 1_000_000);
        KnowledgeBaseStore.save(kb, dir);
        log.printf("kb: %d brands, %d aliases (%s mined misspellings) from %d rows%n", kb.size(),
                kb.allAliases().size(), kb.metadata().get("minedMisspellings"), rows.size());
        // Three independent steps, all CPU-bound: the calibration split (its own quicker model, index and probes),
        // the index, and the main NER training run side by side, so both cores stay busy to the end.
        java.util.concurrent.CompletableFuture<Map<String, Object>> calibration =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> fitCalibration(rows));
        java.util.concurrent.CompletableFuture<Map<String, Object>> index =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        Map<String, Object> f = new LinkedHashMap<>(buildIndex(rows, kb));
                        if (milvus != null) {
                            f.putAll(loadMilvus(rows, kb));
                        }
                        return f;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        progress.accept(1);
        try {
            figures.putAll(trainNer(rows, kb));
            progress.accept(1);
            figures.putAll(join(index));
            progress.accept(1);
            figures.putAll(join(calibration));
            progress.accept(1);
        } finally {
            // A failed step must not leave the others writing into the directory after the build has given up.
            java.util.concurrent.CompletableFuture.allOf(index, calibration).exceptionally(e -> null).join();
        }
        figures.put("totalMillis", (System.nanoTime() - t0) / 1_000_000);
        return new Summary(kb, rows.size(), errors.size(), figures);
    }

    /** The step's figures, or its own failure (an I/O error as such) rather than a wrapper. */
    private static Map<String, Object> join(java.util.concurrent.CompletableFuture<Map<String, Object>> step)
            throws IOException {
        try {
            return step.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Where the catalog's products go besides the knowledge base's own Lucene index: Milvus, or nowhere. */
    public record MilvusTarget(String uri, String token, String collection, boolean keepPrevious) {
    }

    private MilvusTarget milvus;

    /** Also load the products into Milvus (a new versioned collection, then the alias switch). */
    public KbBuildPipeline milvus(MilvusTarget target) {
        this.milvus = target;
        return this;
    }

    /** Loads the catalog's products into Milvus with no downtime: a new collection, then the alias moves to it. */
    Map<String, Object> loadMilvus(List<CatalogRow> rows, KnowledgeBase kb) {
        long t0 = System.nanoTime();
        io.mli.common.embed.Embedder embedder = new io.mli.common.embed.HashedNgramEmbedder();
        io.mli.common.vector.milvus.MilvusSettings settings = io.mli.common.vector.milvus.MilvusSettings.of(
                milvus.uri(), milvus.token(), milvus.collection());
        try (io.mli.common.vector.milvus.MilvusCollections collections =
                     io.mli.common.vector.milvus.MilvusCollections.connect(settings, embedder)) {
            var r = collections.rebuild(io.mli.rag.engine.CatalogIndex.records(embedder, rows, kb),
                    settings.collection(), milvus.keepPrevious());
            log.printf("milvus: %d products in collection %s; alias %s switched%s%n", r.rows(), r.collection(),
                    r.alias(), r.previous() == null ? "" : " from " + r.previous()
                            + (r.previousDropped() ? " (dropped)" : " (kept)"));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("milvusMillis", (System.nanoTime() - t0) / 1_000_000);
        return f;
    }

    /** Writes the embedded vector index (Lucene) of the catalog's products into the knowledge-base directory. */
    public Map<String, Object> buildIndex(List<CatalogRow> rows, KnowledgeBase kb) throws IOException {
        long t0 = System.nanoTime();
        Path index = new KbLayout(dir).indexDir();
        io.mli.common.embed.Embedder embedder = new io.mli.common.embed.HashedNgramEmbedder();
        // Built beside the old index and swapped in: a failed build leaves a working knowledge base behind.
        int n = (int) io.mli.common.vector.lucene.LuceneVectorStore.build(index, embedder,
                io.mli.rag.engine.CatalogIndex.records(embedder, rows, kb)).count();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.printf("index: %d products (%s) in %.1f s%n", n, embedder.id(), ms / 1000.0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("indexedProducts", n);
        f.put("indexMillis", ms);
        return f;
    }

    /**
     * Retrieval over an index of some catalog rows in {@code dir}, built as {@link #buildIndex} builds the real one:
     * an on-disk (memory-mapped) index is searched several times faster than one in heap buffers, whose vectors are
     * copied out for every comparison.
     */
    static io.mli.rag.engine.RagEngine scratchRag(Path dir, KnowledgeBase kb, List<CatalogRow> rows) {
        io.mli.common.embed.Embedder embedder = new io.mli.common.embed.HashedNgramEmbedder();
        io.mli.common.vector.lucene.LuceneVectorStore.build(dir, embedder,
                io.mli.rag.engine.CatalogIndex.records(embedder, rows, kb));
        io.mli.common.vector.lucene.LuceneVectorStore store =
                io.mli.common.vector.lucene.LuceneVectorStore.openReadOnly(dir, embedder);
        try {
            return new io.mli.rag.engine.RagEngine(kb, store, embedder, io.mli.rag.engine.RagSettings.defaults());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public Map<String, Object> fitCalibration(List<CatalogRow> rows) {
        long t0 = System.nanoTime();
        io.mli.orchestrator.engine.Calibration c;
        List<io.mli.rag.engine.RagEngine> opened = new ArrayList<>();
        try {
            Path scratch = java.nio.file.Files.createTempDirectory("mli-calibration-index");
            try {
                c = new CalibrationFitter(starter, (k, train) -> {
                    io.mli.rag.engine.RagEngine rag = scratchRag(scratch.resolve("index"), k, train);
                    opened.add(rag);
                    return rag;
                }).fit(rows);
            } finally {
                opened.forEach(io.mli.rag.engine.RagEngine::close);
                try {
                    io.mli.common.io.FileTrees.delete(scratch);
                } catch (IOException e) {
                    log.printf("calibration: could not remove the scratch index %s: %s%n", scratch, e.getMessage());
                }
            }
            c.save(new KbLayout(dir).calibrationFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        log.printf(Locale.ROOT, "calibration: fitted on %s held-out titles (%s observations) in %.1f s "
                        + "(its NER model %.1f s, index %.1f s, probes %.1f s)%n",
                c.facts().get("probes"), c.facts().get("samples"), (System.nanoTime() - t0) / 1e9,
                seconds(c.facts().get("nerMillis")), seconds(c.facts().get("indexMillis")),
                seconds(c.facts().get("probeMillis")));
        log.printf(Locale.ROOT, "calibration: NER alone sure (>= %s) of %s held-out titles; retrieval and "
                        + "the hybrid step would have changed %s of those answers (%s to the right brand)%n",
                c.facts().get("nerSureAt"), c.facts().get("nerSureProbes"), c.facts().get("nerSureChangedByOthers"),
                c.facts().get("nerSureRightOnlyWithOthers"));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("calibrationProbes", c.facts().get("probes"));
        f.put("calibrationMillis", (System.nanoTime() - t0) / 1_000_000);
        return f;
    }

    private static double seconds(Object millis) {
        return millis instanceof Number n ? n.doubleValue() / 1000 : Double.NaN;
    }

    public Map<String, Object> trainNer(List<CatalogRow> rows, KnowledgeBase kb) throws IOException {
        long t0 = System.nanoTime();
        NerTrainer.Trained trained = NerTrainer.defaults().train(rows, kb);
        trained.model().save(new KbLayout(dir).nerDir());
        BrandCategories.of(rows, kb).save(new KbLayout(dir).nerDir());
        NerTrainer.Report r = trained.report();
        log.printf("ner: CRF trained on %d of %d labelled titles (a brand's first %d; %d without a locatable brand "
                + "left out) in %.1f s%n", r.trainedOn(), r.examples(), NerTrainer.PER_BRAND, r.skipped(),
                r.millis() / 1000.0);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("nerExamples", r.examples());
        f.put("nerTrainedOn", r.trainedOn());
        f.put("nerSkipped", r.skipped());
        f.put("nerMillis", (System.nanoTime() - t0) / 1_000_000);
        return f;
    }
}
