package io.mli.rag.engine;

import io.mli.common.vector.SearchHit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The hits of the last few hundred searches, by title. A title the orchestrator escalates is searched twice: once
 * for retrieval's own vote, once for the hybrid agent's vote restricted to NER's candidates, which is the same search
 * filtered afterwards. The second caller gets the first one's hits, waiting for them if the search is still under way
 * (two callers asking at once search once). Entries live a short while only, because the store
 * may be written while the engine serves (a knowledge base published to Milvus). Thread-safe.
 */
final class RecentSearches {
    private final long ttlNanos;
    private final Map<String, Cached> entries;

    private record Cached(CompletableFuture<List<SearchHit>> hits, long at) {
    }

    RecentSearches(int capacity, java.time.Duration ttl) {
        this.ttlNanos = ttl.toNanos();
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The hits for this title: remembered, under way in another thread, or searched now with {@code search}. */
    List<SearchHit> search(String title, Supplier<List<SearchHit>> search) {
        CompletableFuture<List<SearchHit>> mine = new CompletableFuture<>();
        Cached known;
        synchronized (this) {
            known = entries.get(title);
            if (known != null && System.nanoTime() - known.at() > ttlNanos) {
                known = null;
            }
            if (known == null) {
                entries.put(title, new Cached(mine, System.nanoTime()));
            }
        }
        if (known != null) {
            return known.hits().join();
        }
        try {
            List<SearchHit> hits = List.copyOf(search.get());
            mine.complete(hits);
            return hits;
        } catch (RuntimeException e) {
            synchronized (this) {
                entries.remove(title);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
