package io.mli.rag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.SearchHit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentSearchesTest {
    private static List<SearchHit> hits(String id) {
        return List.of(new SearchHit(new ProductRecord(id, "Title " + id, "brand", "BRAND", null, "en", null), 0.9, 0.9));
    }

    @Test
    void remembersTheLatestTitlesUpToItsCapacity() {
        RecentSearches recent = new RecentSearches(2, Duration.ofMinutes(1));
        AtomicInteger searches = new AtomicInteger();
        recent.search("a", () -> { searches.incrementAndGet(); return hits("1"); });
        recent.search("b", () -> { searches.incrementAndGet(); return hits("2"); });
        assertThat(recent.search("a", () -> hits("x"))).isEqualTo(hits("1")); // a is now the most recently used
        recent.search("c", () -> { searches.incrementAndGet(); return hits("3"); });
        assertThat(searches).hasValue(3);
        assertThat(recent.search("a", () -> hits("y"))).isEqualTo(hits("1"));
        assertThat(recent.search("b", () -> hits("b again"))).isEqualTo(hits("b again")); // the eldest went
    }

    @Test
    void forgetsAnEntryOnceItsTimeToLiveIsOver() throws InterruptedException {
        RecentSearches recent = new RecentSearches(10, Duration.ofMillis(1));
        recent.search("a", () -> hits("1"));
        Thread.sleep(5);
        assertThat(recent.search("a", () -> hits("2"))).isEqualTo(hits("2"));
    }

    @Test
    void aSecondCallerWaitsForTheSearchUnderWayInsteadOfSearchingAgain() throws Exception {
        RecentSearches recent = new RecentSearches(10, Duration.ofMinutes(1));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger searches = new AtomicInteger();
        Thread first = Thread.ofVirtual().start(() -> recent.search("a", () -> {
            searches.incrementAndGet();
            started.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return hits("1");
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> recent.search("a", () -> {
            searches.incrementAndGet();
            return hits("2");
        }));
        release.countDown();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(hits("1"));
        first.join();
        assertThat(searches).hasValue(1);
    }

    @Test
    void aFailedSearchIsNotRemembered() {
        RecentSearches recent = new RecentSearches(10, Duration.ofMinutes(1));
        assertThatThrownBy(() -> recent.search("a", () -> { throw new IllegalStateException("store down"); }))
                .hasMessage("store down");
        assertThat(recent.search("a", () -> hits("1"))).isEqualTo(hits("1"));
    }
}
