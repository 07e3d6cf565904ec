package io.mli.rag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.SearchHit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentSearchesTest {
    private static List<SearchHit> hits(String id) {
        return List.of(new SearchHit(new ProductRecord(id, "Title " + id, "brand", "BRAND", null, "en", null), 0.9, 0.9));
    }

    @Test
    void remembersTheLatestTitlesUpToItsCapacity() {
        RecentSearches recent = new RecentSearches(2, Duration.ofMinutes(1));
        recent.put("a", hits("1"));
        recent.put("b", hits("2"));
        assertThat(recent.get("a")).isEqualTo(hits("1")); // a is now the most recently used
        recent.put("c", hits("3"));
        assertThat(recent.get("b")).isNull(); // the least recently used went
        assertThat(recent.get("a")).isNotNull();
        assertThat(recent.get("c")).isEqualTo(hits("3"));
    }

    @Test
    void forgetsAnEntryOnceItsTimeToLiveIsOver() throws InterruptedException {
        RecentSearches recent = new RecentSearches(10, Duration.ofMillis(1));
        recent.put("a", hits("1"));
        Thread.sleep(5);
        assertThat(recent.get("a")).isNull();
    }
}
