package io.mli.rag.engine;

import io.mli.common.vector.SearchHit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hits of the last few hundred searches, by title. A title the orchestrator escalates is searched twice in a
 * row: once for retrieval's own vote, then for the hybrid agent's vote restricted to NER's candidates, which is the
 * same search filtered afterwards. Entries live a short while only, because the store may be written while the engine
 * serves (a knowledge base published to Milvus). Thread-safe.
 */
final class RecentSearches {
    private final long ttlNanos;
    private final Map<String, Cached> entries;

    private record Cached(List<SearchHit> hits, long at) {
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

    /** The hits searched for this title within the time to live, or null. */
    synchronized List<SearchHit> get(String title) {
        Cached e = entries.get(title);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.at() > ttlNanos) {
            entries.remove(title);
            return null;
        }
        return e.hits();
    }

    synchronized void put(String title, List<SearchHit> hits) {
        entries.put(title, new Cached(List.copyOf(hits), System.nanoTime()));
    }
}
