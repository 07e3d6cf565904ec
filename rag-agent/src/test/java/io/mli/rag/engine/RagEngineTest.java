package io.mli.rag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.io.CatalogRow;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseBuilder;
import io.mli.common.kb.StarterKnowledgeBase;
import io.mli.common.vector.SearchHit;
import io.mli.common.vector.lucene.LuceneVectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RagEngineTest {
    private final HashedNgramEmbedder embedder = new HashedNgramEmbedder();
    private LuceneVectorStore store;
    private KnowledgeBase kb;

    @BeforeEach
    void index() {
        List<CatalogRow> rows = new ArrayList<>();
        String[][] data = {
            {"Whiskas Tuna Cat Food 400g.", "WHISKAS", "Pet /// Cat Food"},
            {"Whiskas Ocean Fish Cat Food 1.2kg.", "WHISKAS", "Pet /// Cat Food"},
            {"Temptations Seafood Medley Cat Treats 75g.", "WHISKAS", "Pet /// Cat Treats"},
            {"Temptations Tasty Chicken Cat Treats 75g.", "WHISKAS", "Pet /// Cat Treats"},
            {"Temptations Catnip Cat Treats 75g.", "WHISKAS", "Pet /// Cat Treats"},
            {"Me-O Tuna Cat Food 400g.", "ME-O", "Pet /// Cat Food"},
            {"Nivea Soft Cream 100ml.", "NIVEA", "Beauty /// Body Care"},
        };
        long line = 1;
        for (String[] d : data) {
            rows.add(new CatalogRow(line++, d[0], d[1], d[2], Map.of()));
        }
        kb = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        store = LuceneVectorStore.inMemory(embedder);
        assertThat(CatalogIndex.addCatalog(store, embedder, rows, kb)).isEqualTo(7);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void neighboursVoteForABrandTheTitleDoesNotName() {
        RagEngine rag = new RagEngine(kb, store, embedder, RagSettings.defaults());
        AgentAnswer a = rag.infer(InferenceRequest.of("Tasty Beef Cat Treats 75g."));
        assertThat(a.status()).isEqualTo(AgentStatus.OK);
        assertThat(a.brand().id()).isEqualTo("whiskas");
        assertThat(a.detail()).isEqualTo("unnamed");
        assertThat(a.category().path()).isEqualTo("Pet /// Cat Treats");
        assertThat(a.brand().evidence().getFirst().detail()).contains("neighbours");
    }

    @Test
    void aProductLineMinedFromTheCatalogNamesItsBrand() {
        RagEngine rag = new RagEngine(kb, store, embedder, RagSettings.defaults());
        AgentAnswer a = rag.infer(InferenceRequest.of("Temptations Beef Cat Treats 75g."));
        assertThat(a.brand().id()).isEqualTo("whiskas");
        assertThat(a.detail()).isEqualTo("named");
    }

    @Test
    void aBrandTheTitleNamesIsConfirmed() {
        RagEngine rag = new RagEngine(kb, store, embedder, RagSettings.defaults());
        AgentAnswer a = rag.infer(InferenceRequest.of("Me-O Salmon Cat Food 400g."));
        assertThat(a.brand().id()).isEqualTo("meo");
        assertThat(a.detail()).isEqualTo("named");
        assertThat(a.brand().evidence()).extracting(e -> e.source()).contains("title");
    }

    @Test
    void theVoteCanBeRestrictedToCandidates() {
        RagEngine rag = new RagEngine(kb, store, embedder, RagSettings.defaults());
        BrandGuess meo = new BrandGuess("meo", "ME-O", List.of(), 0.6, List.of());
        AgentAnswer a = rag.infer(InferenceRequest.of("Tuna Cat Food 400g.").withCandidates(List.of(meo)));
        assertThat(a.bestGuess().id()).isEqualTo("meo");
    }

    @Test
    void brandsToCheckGetTheRestrictedVoteBesideTheAnswer() {
        RagEngine rag = new RagEngine(kb, store, embedder, RagSettings.defaults());
        BrandGuess meo = new BrandGuess("meo", "ME-O", List.of(), 0.6, List.of());
        InferenceRequest title = InferenceRequest.of("Tuna Cat Food 400g.");

        AgentAnswer a = rag.infer(title.withCheck(List.of(meo)));
        AgentAnswer restricted = rag.infer(title.withCandidates(List.of(meo)));

        assertThat(a.bestGuess().id()).isEqualTo("whiskas"); // its own vote, unrestricted
        assertThat(a.checked()).isEqualTo(restricted);
        assertThat(a.checked().bestGuess().id()).isEqualTo("meo");
        assertThat(rag.infer(title).checked()).isNull();
    }

    @Test
    void voteSharesFallWithRankAndSimilarity() {
        List<SearchHit> hits = List.of(
                new SearchHit(new io.mli.common.vector.ProductRecord("1", "a", "x", "X", null, null, null), 0.1, 0.9),
                new SearchHit(new io.mli.common.vector.ProductRecord("2", "b", "y", "Y", null, null, null), 0.1, 0.9),
                new SearchHit(new io.mli.common.vector.ProductRecord("3", "c", "y", "Y", null, null, null), 0.1, 0.3));
        List<Vote> votes = Vote.tally(hits, h -> h.product().brandId());
        assertThat(votes).extracting(Vote::value).containsExactly("y", "x");
        assertThat(votes.get(0).share() + votes.get(1).share()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(votes.get(1).share()).isGreaterThan(0.45);
    }

    @Test
    void healthNamesTheStoreInUse() {
        RagEngine rag = new RagEngine(kb, store, embedder, RagSettings.defaults());
        assertThat(rag.backend()).startsWith("lucene at memory").contains("hashed-ngram");
    }

    @Test
    void theStarterKnowledgeBaseGetsAnIndexOfItsBrandNames() {
        RagEngine rag = RagEngine.open(StarterKnowledgeBase.get(), null);
        AgentAnswer a = rag.infer(InferenceRequest.of("Eucerin Lotion 250ml"));
        assertThat(a.bestGuess().id()).isEqualTo("eucerin");
    }
}
