package io.mli.common.vector.lucene;

import io.mli.common.embed.Embedder;
import io.mli.common.io.FileTrees;
import io.mli.common.vector.Categories;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.RankFusion;
import io.mli.common.vector.SearchHit;
import io.mli.common.vector.SearchRequest;
import io.mli.common.vector.StoreInfo;
import io.mli.common.vector.StoreMismatchException;
import io.mli.common.vector.VectorStore;
import io.mli.common.vector.Vectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * The embedded {@link VectorStore}: one Lucene index holding each product's dense vector (HNSW graph over scalar
 * quantised vectors, {@link Lucene104HnswScalarQuantizedVectorsFormat}; the raw floats are kept too, for exact
 * similarities) and its title in two BM25 fields ({@link TitleAnalyzers}: ICU words and character trigrams, so Thai,
 * Latin and mixed titles all match).
 *
 * <p>Hybrid search runs the vector and the BM25 query, each {@link RankFusion#legDepth} deep, under the same filters,
 * and fuses them with reciprocal rank fusion. Every hit carries its exact cosine similarity to the query vector.
 *
 * <p>The index records the embedder id and dimension in its commit data and refuses to open with another embedder
 * ({@link StoreMismatchException}). Upserts and deletes apply in place (by product id) and are committed and visible
 * to searches when the call returns.
 *
 * <p>Thread-safe: searches run concurrently on near-real-time searchers from a {@link SearcherManager}; writes are
 * serialised. A read-only store ({@link #openReadOnly}) takes no write lock, so several processes can share an index
 * directory.
 */
public final class LuceneVectorStore implements VectorStore {
    /** Commit-data keys. */
    public static final String EMBEDDER_ID_KEY = "mli.embedder.id";
    public static final String DIMENSION_KEY = "mli.embedder.dimension";
    public static final String FORMAT_KEY = "mli.store.format";
    private static final String FORMAT = "1";

    static final String F_ID = "id";
    static final String F_VECTOR = "vector";
    static final String F_CATEGORY = "category";
    static final String F_LANGUAGE = "language";
    static final String F_BRAND_ID = "brand_id";
    static final String F_RECORD = "record";
    /** A cap on BM25 query terms (Lucene's limit is 1,024 clauses); titles are short, so it rarely bites. */
    private static final int MAX_QUERY_TERMS = 256;

    /**
     * HNSW graph settings: M (max connections per node) and the beam width (efConstruction); the RRF constant; and
     * how many candidates the graph search returns at least ({@code ef} at search time), which are then re-ranked by
     * exact cosine. The graph is searched over quantised vectors, so a wider candidate list is what keeps recall
     * high. Measured on the catalog with dev titles as queries (brand of the top hit, Tops rows; exact search gives
     * 0.986) and CPU per top-10 search on a loaded 2-core machine: M 16 with 32 candidates 0.968 (195 µs), with 64
     * 0.976 (262 µs, the default), with 100 0.983; M 32 / beam 200 with 32 candidates 0.978, with 64 0.982 (377 µs).
     */
    public record Settings(int hnswM, int hnswBeamWidth, int rrfK, int minCandidates) {
        public static final Settings DEFAULT = new Settings(16, 100, RankFusion.DEFAULT_K, 64);
    }

    private final Directory directory;
    private final IndexWriter writer; // null when read-only
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final Embedder embedder;
    private final String embedderId;
    private final int dimension;
    private final String location;
    private final Settings settings;
    private volatile boolean closed;

    private LuceneVectorStore(Directory directory, boolean readOnly, Embedder embedder, String location,
                              Settings settings) throws IOException {
        this.directory = directory;
        this.embedder = embedder;
        this.embedderId = embedder.id();
        this.dimension = embedder.dimension();
        this.location = location;
        this.settings = settings;
        this.analyzer = TitleAnalyzers.perField();
        boolean exists = DirectoryReader.indexExists(directory);
        if (exists) {
            checkEmbedder(SegmentInfos.readLatestCommit(directory).getUserData());
        } else if (readOnly) {
            throw new IllegalStateException("no vector index at " + location + " (build one with mli kb build)");
        }
        if (readOnly) {
            this.writer = null;
            this.searchers = new SearcherManager(directory, new SearcherFactory());
        } else {
            this.writer = new IndexWriter(directory, writerConfig());
            if (!exists) {
                writer.setLiveCommitData(commitData().entrySet());
                writer.commit();
            }
            this.searchers = new SearcherManager(writer, new SearcherFactory());
        }
    }

    /** Opens (or creates) a writable index in {@code dir}. Holds Lucene's write lock until closed. */
    public static LuceneVectorStore open(Path dir, Embedder embedder) {
        return open(dir, embedder, Settings.DEFAULT);
    }

    public static LuceneVectorStore open(Path dir, Embedder embedder, Settings settings) {
        try {
            Files.createDirectories(dir);
            return create(FSDirectory.open(dir), false, embedder, dir.toString(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the vector index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds a fresh index of {@code products} in {@code dir}, replacing whatever was there (including an index of
     * another embedder): writes into a sibling directory, merges it into one segment (fastest to search), then swaps
     * it in, so a failed build leaves the old index untouched. For {@code mli kb build}.
     */
    public static StoreInfo build(Path dir, Embedder embedder, List<ProductRecord> products) {
        Path parent = dir.toAbsolutePath().getParent();
        Path tmp = parent.resolve(dir.getFileName() + ".building");
        Path old = parent.resolve(dir.getFileName() + ".old");
        try {
            FileTrees.delete(tmp);
            StoreInfo info;
            try (LuceneVectorStore store = open(tmp, embedder)) {
                store.upsert(products);
                store.writer.forceMerge(1);
                store.commitAndRefresh(store.writer);
                info = store.info();
            }
            FileTrees.delete(old);
            if (Files.exists(dir)) {
                Files.move(dir, old);
            }
            Files.move(tmp, dir);
            FileTrees.delete(old);
            return new StoreInfo(info.kind(), dir.toString(), info.embedderId(), info.dimension(), info.count());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the vector index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens an existing index for searching only: no write lock; {@link #upsert} and {@link #delete} refuse. */
    public static LuceneVectorStore openReadOnly(Path dir, Embedder embedder) {
        return openReadOnly(dir, embedder, Settings.DEFAULT);
    }

    /** As {@link #openReadOnly(Path, Embedder)} with search settings (the graph settings are the index's own). */
    public static LuceneVectorStore openReadOnly(Path dir, Embedder embedder, Settings settings) {
        try {
            return create(FSDirectory.open(dir), true, embedder, dir.toString(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the vector index at " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A writable index in memory, for tests and the starter knowledge base. */
    public static LuceneVectorStore inMemory(Embedder embedder) {
        return create(new ByteBuffersDirectory(), false, embedder, "memory", Settings.DEFAULT);
    }

    /** True when {@code dir} holds a Lucene index. */
    public static boolean exists(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Directory d = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(d);
        } catch (IOException e) {
            return false;
        }
    }

    /** The embedder id and dimension an existing index was built with, without opening it for search. */
    public static Map<String, String> commitData(Path dir) {
        try (Directory d = FSDirectory.open(dir)) {
            return SegmentInfos.readLatestCommit(d).getUserData();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vector index at " + dir + ": " + e.getMessage(), e);
        }
    }

    private static LuceneVectorStore create(Directory directory, boolean readOnly, Embedder embedder,
                                            String location, Settings settings) {
        try {
            return new LuceneVectorStore(directory, readOnly, embedder, location, settings);
        } catch (IOException | RuntimeException e) {
            try {
                directory.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException("cannot open the vector index at " + location + ": " + e.getMessage(),
                    (IOException) e);
        }
    }

    private IndexWriterConfig writerConfig() {
        KnnVectorsFormat hnsw = new Lucene104HnswScalarQuantizedVectorsFormat(settings.hnswM(), settings.hnswBeamWidth());
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setCodec(new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return hnsw;
            }
        });
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(64);
        return config;
    }

    private Map<String, String> commitData() {
        return Map.of(EMBEDDER_ID_KEY, embedderId, DIMENSION_KEY, Integer.toString(dimension), FORMAT_KEY, FORMAT);
    }

    private void checkEmbedder(Map<String, String> data) {
        String storedId = data.get(EMBEDDER_ID_KEY);
        String storedDim = data.get(DIMENSION_KEY);
        if (storedId == null || storedDim == null) {
            throw new IllegalStateException("the index at " + location
                    + " records no embedder (not built by this store?); rebuild it with mli kb build");
        }
        int dim = Integer.parseInt(storedDim);
        if (!storedId.equals(embedderId) || dim != dimension) {
            throw new StoreMismatchException(location, storedId, dim, embedderId, dimension);
        }
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("lucene", location, embedderId, dimension, count());
    }

    private long count() {
        return withSearcher(s -> (long) s.getIndexReader().numDocs());
    }

    @Override
    public void upsert(List<ProductRecord> products) {
        IndexWriter w = writable();
        List<Document> docs = new ArrayList<>(products.size());
        for (ProductRecord p : products) {
            docs.add(toDocument(p)); // validate everything before touching the index
        }
        synchronized (this) {
            try {
                for (int i = 0; i < docs.size(); i++) {
                    w.updateDocument(new Term(F_ID, products.get(i).id()), docs.get(i));
                }
                commitAndRefresh(w);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the vector index at " + location, e);
            }
        }
    }

    @Override
    public void delete(Collection<String> ids) {
        IndexWriter w = writable();
        if (ids.isEmpty()) {
            return;
        }
        synchronized (this) {
            try {
                w.deleteDocuments(ids.stream().map(id -> new Term(F_ID, id)).toArray(Term[]::new));
                commitAndRefresh(w);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to the vector index at " + location, e);
            }
        }
    }

    private void commitAndRefresh(IndexWriter w) throws IOException {
        w.setLiveCommitData(commitData().entrySet());
        w.commit();
        searchers.maybeRefreshBlocking();
    }

    private IndexWriter writable() {
        ensureOpen();
        if (writer == null) {
            throw new IllegalStateException("the vector index at " + location + " is open read-only");
        }
        return writer;
    }

    private Document toDocument(ProductRecord p) {
        if (p.id() == null || p.id().isBlank()) {
            throw new IllegalArgumentException("a product needs an id: " + p);
        }
        String title = p.title() == null ? "" : p.title();
        float[] vector = p.vector() != null ? p.vector() : embedder.embed(title);
        vector = Vectors.checkedUnit(vector, dimension, embedderId);
        String category = Categories.normalize(p.category());
        ProductRecord stored = new ProductRecord(p.id(), title, p.brandId(), p.brand(), category, p.language(), null);

        Document doc = new Document();
        doc.add(new StringField(F_ID, p.id(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(F_VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new TextField(TitleAnalyzers.WORDS, title, Field.Store.NO));
        doc.add(new TextField(TitleAnalyzers.GRAMS, title, Field.Store.NO));
        for (String prefix : Categories.prefixes(category)) {
            doc.add(new StringField(F_CATEGORY, prefix, Field.Store.NO));
        }
        if (p.language() != null) {
            doc.add(new StringField(F_LANGUAGE, p.language(), Field.Store.NO));
        }
        if (p.brandId() != null) {
            doc.add(new StringField(F_BRAND_ID, p.brandId(), Field.Store.NO));
        }
        // Doc values, not stored fields: reading a hit is then one random access, no block decompression.
        doc.add(new BinaryDocValuesField(F_RECORD, new BytesRef(RecordCodec.encode(stored))));
        return doc;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        ensureOpen();
        float[] query = queryVector(request);
        return withSearcher(searcher -> {
            Map<Object, FloatVectorValues> vectors = new HashMap<>(4);
            Query filter = filter(request);
            int depth = request.mode() == SearchRequest.Mode.HYBRID ? RankFusion.legDepth(request.topK())
                    : request.topK();
            List<Integer> vectorDocs = List.of();
            List<Integer> textDocs = List.of();
            Map<Integer, Float> bm25 = new HashMap<>();
            Map<Integer, Double> exact = new HashMap<>();
            if (request.mode() != SearchRequest.Mode.TEXT && query != null) {
                vectorDocs = nearest(searcher, query, depth, filter, exact, vectors);
            }
            if (request.mode() != SearchRequest.Mode.VECTOR) {
                Query text = textQuery(request.text(), filter);
                if (text != null) {
                    // Total-hits threshold = depth: lets BM25 skip (MaxScore) instead of counting 1,000 hits first.
                    textDocs = docs(searcher.search(text, new TopScoreDocCollectorManager(depth, depth)), bm25);
                }
            }
            return hits(searcher, request, query, vectorDocs, textDocs, bm25, exact, vectors);
        });
    }

    private float[] queryVector(SearchRequest request) {
        if (request.vector() != null) {
            return Vectors.checkedUnit(request.vector(), dimension, embedderId);
        }
        if (request.text() == null) {
            return null;
        }
        // Also in TEXT mode: the hits' similarity is worth the few microseconds of embedding.
        return embedder.embed(request.text());
    }

    /**
     * The {@code depth} nearest documents by exact cosine (best first): the graph search returns at least
     * {@link Settings#minCandidates()} candidates, which are re-ranked with the raw vectors. Fills {@code exact}.
     */
    private List<Integer> nearest(IndexSearcher searcher, float[] query, int depth, Query filter,
                                  Map<Integer, Double> exact, Map<Object, FloatVectorValues> vectors)
            throws IOException {
        int k = Math.max(depth, settings.minCandidates());
        TopDocs top = searcher.search(new KnnFloatVectorQuery(F_VECTOR, query, k, filter), k);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Integer> docs = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            exact.put(sd.doc, similarity(vectors, leaves, sd.doc, query));
            docs.add(sd.doc);
        }
        docs.sort((a, b) -> {
            int c = Double.compare(exact.get(b), exact.get(a));
            return c != 0 ? c : Integer.compare(a, b);
        });
        return docs.size() > depth ? new ArrayList<>(docs.subList(0, depth)) : docs;
    }

    private static List<Integer> docs(TopDocs top, Map<Integer, Float> scores) {
        List<Integer> docs = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            docs.add(sd.doc);
            if (scores != null) {
                scores.put(sd.doc, sd.score);
            }
        }
        return docs;
    }

    private List<SearchHit> hits(IndexSearcher searcher, SearchRequest request, float[] query, List<Integer> vectorDocs,
                                 List<Integer> textDocs, Map<Integer, Float> bm25, Map<Integer, Double> exact,
                                 Map<Object, FloatVectorValues> vectors) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<SearchHit> out = new ArrayList<>(request.topK());
        switch (request.mode()) {
            case VECTOR -> {
                for (int doc : vectorDocs) { // already in exact-cosine order
                    double sim = exact.get(doc);
                    out.add(new SearchHit(record(leaves, doc), sim, sim));
                }
            }
            case TEXT -> {
                for (int doc : textDocs) {
                    out.add(new SearchHit(record(leaves, doc), bm25.get(doc),
                            similarity(vectors, leaves, doc, query)));
                }
            }
            case HYBRID -> {
                for (Map.Entry<Integer, Double> e : RankFusion.fuse(List.of(vectorDocs, textDocs), settings.rrfK(),
                        request.topK())) {
                    int doc = e.getKey();
                    Double sim = exact.get(doc);
                    out.add(new SearchHit(record(leaves, doc), e.getValue(),
                            sim != null ? sim : similarity(vectors, leaves, doc, query)));
                }
            }
        }
        return out.size() > request.topK() ? new ArrayList<>(out.subList(0, request.topK())) : out;
    }

    private static ProductRecord record(List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = DocValues.getBinary(leaf.reader(), F_RECORD);
        if (!values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("index corrupt: document without its record");
        }
        BytesRef bytes = values.binaryValue();
        return RecordCodec.decode(bytes.bytes, bytes.offset, bytes.length);
    }

    /** {@code cache}: each leaf's vector values, opened once per search rather than once per hit. */
    private static double similarity(Map<Object, FloatVectorValues> cache, List<LeafReaderContext> leaves, int doc,
                                     float[] query) throws IOException {
        if (query == null) {
            return Double.NaN;
        }
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = cache.get(leaf.reader().getCoreCacheHelper().getKey());
        if (values == null) {
            values = leaf.reader().getFloatVectorValues(F_VECTOR);
            if (values != null) {
                cache.put(leaf.reader().getCoreCacheHelper().getKey(), values);
            }
        }
        if (values == null) {
            return Double.NaN;
        }
        int local = doc - leaf.docBase;
        int ord;
        if (values.size() == leaf.reader().maxDoc()) {
            ord = local; // every document has a vector (always so here): ordinals are document numbers
        } else {
            KnnVectorValues.DocIndexIterator it = values.iterator();
            if (it.advance(local) != local) {
                return Double.NaN;
            }
            ord = it.index();
        }
        return VectorUtil.dotProduct(query, values.vectorValue(ord));
    }

    /** The filters as one query (null when there are none); used as KNN pre-filter and as a BM25 filter clause. */
    private static Query filter(SearchRequest request) {
        if (!request.filtered()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), Occur.FILTER); // so that a lone MUST_NOT still matches the rest
        String category = Categories.normalize(request.category());
        if (request.category() != null) {
            b.add(new TermQuery(new Term(F_CATEGORY, category == null ? "" : category)), Occur.FILTER);
        }
        if (request.language() != null) {
            b.add(new TermQuery(new Term(F_LANGUAGE, request.language())), Occur.FILTER);
        }
        if (request.brandIds() != null) {
            b.add(new TermInSetQuery(F_BRAND_ID, request.brandIds().stream().map(BytesRef::new).toList()),
                    Occur.FILTER);
        }
        if (request.excludeIds() != null) {
            b.add(new TermInSetQuery(F_ID, request.excludeIds().stream().map(BytesRef::new).toList()),
                    Occur.MUST_NOT);
        }
        return b.build();
    }

    /** BM25 over both title fields: one SHOULD clause per distinct analysed term, trigrams boosted down. */
    private Query textQuery(String text, Query filter) throws IOException {
        if (text == null || text.isBlank()) {
            return null;
        }
        BooleanQuery.Builder should = new BooleanQuery.Builder();
        int n = addTerms(should, TitleAnalyzers.WORDS, text, 1f, MAX_QUERY_TERMS);
        n += addTerms(should, TitleAnalyzers.GRAMS, text, TitleAnalyzers.GRAMS_BOOST, MAX_QUERY_TERMS - n);
        if (n == 0) {
            return null;
        }
        if (filter == null) {
            return should.build();
        }
        return new BooleanQuery.Builder().add(should.build(), Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private int addTerms(BooleanQuery.Builder b, String field, String text, float boost, int max) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < max) {
                terms.add(term.toString());
            }
            ts.end();
        }
        for (String t : terms) {
            Query q = new TermQuery(new Term(field, t));
            b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
        }
        return terms.size();
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        ensureOpen();
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("vector index search failed at " + location, e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                // releasing only decrements a reference count; nothing to recover
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the vector store at " + location + " is closed");
        }
    }

    @Override
    public String unavailableReason() {
        return closed ? "the vector store at " + location + " is closed" : null;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            searchers.close();
            if (writer != null) {
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the vector index at " + location, e);
        }
    }

    @Override
    public String toString() {
        return "LuceneVectorStore[" + location + ", " + embedderId + "]";
    }
}
