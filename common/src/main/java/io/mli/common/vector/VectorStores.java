package io.mli.common.vector;

import io.mli.common.embed.Embedder;
import io.mli.common.vector.lucene.LuceneVectorStore;
import io.mli.common.vector.milvus.MilvusSettings;
import io.mli.common.vector.milvus.MilvusVectorStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * Chooses the vector store from the environment (architecture.md, issue 6): Milvus when {@code MILVUS_URI} or
 * {@code MILVUS_HOST} is set, the embedded Lucene index of the knowledge base otherwise.
 *
 * <ul>
 *   <li>{@code MILVUS_URI} (e.g. {@code http://milvus:19530}) wins; otherwise {@code MILVUS_HOST} with
 *       {@code MILVUS_PORT} (default 19530) make {@code http://HOST:PORT}. {@code MILVUS_PORT} alone means nothing.</li>
 *   <li>{@code MILVUS_TOKEN}: {@code user:password} or an API key. {@code MILVUS_COLLECTION}: the alias to search
 *       ({@code mli_products}).</li>
 *   <li>Otherwise the Lucene index in {@code <kbDir>/index}, opened read-only (so several processes can share a
 *       knowledge base), or an empty in-memory one when {@code kbDir} is null or holds no index.</li>
 * </ul>
 */
public final class VectorStores {
    private VectorStores() {
    }

    /** The Milvus settings the environment asks for, or null when it asks for none. */
    public static MilvusSettings milvusSettings(Map<String, String> env) {
        String uri = blankToNull(env.get("MILVUS_URI"));
        String host = blankToNull(env.get("MILVUS_HOST"));
        if (uri == null && host == null) {
            return null;
        }
        if (uri == null) {
            String port = blankToNull(env.get("MILVUS_PORT"));
            uri = "http://" + host + ":" + (port == null ? "19530" : port);
        } else if (!uri.contains("://")) {
            uri = "http://" + uri;
        }
        return MilvusSettings.of(uri, blankToNull(env.get("MILVUS_TOKEN")), blankToNull(env.get("MILVUS_COLLECTION")));
    }

    /** The store the environment selects (see the class comment). Milvus connects lazily: it may still be down. */
    public static VectorStore fromEnvironment(Map<String, String> env, Path kbDir, Embedder embedder) {
        MilvusSettings milvus = milvusSettings(env);
        if (milvus != null) {
            return MilvusVectorStore.connect(milvus, embedder);
        }
        if (kbDir != null) {
            Path index = new io.mli.common.kb.KbLayout(kbDir).indexDir();
            if (LuceneVectorStore.exists(index)) {
                return LuceneVectorStore.openReadOnly(index, embedder);
            }
        }
        return LuceneVectorStore.inMemory(embedder);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
