package io.mli.rag.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.CategoryGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.embed.Embedder;
import io.mli.common.kb.Brand;
import io.mli.common.kb.Fitment;
import io.mli.common.kb.GazetteerMatch;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.ModelCodes;
import io.mli.common.vector.SearchHit;
import io.mli.common.vector.SearchRequest;
import io.mli.common.vector.VectorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The RAG agent's engine: retrieves the catalog products nearest to the title (hybrid: dense vectors and BM25,
 * fused), lets them vote for a brand weighted by similarity and rank, and checks the winner against the title: a
 * brand the title names (by any alias, in any script) is confirmed; one it does not name must win the vote clearly.
 * When the request carries candidates (the hybrid agent sends NER's), the vote is restricted to them; brands to
 * {@linkplain InferenceRequest#check() check} get a second, restricted vote of the same neighbours beside the answer.
 * Also votes the category. Thread-safe.
 */
public final class RagEngine implements BrandAgent, AutoCloseable {
    private final KnowledgeBase kb;
    private final VectorStore store;
    private final Embedder embedder;
    private final RagSettings settings;
    private final RecentSearches recent = new RecentSearches(512, java.time.Duration.ofSeconds(30));

    public RagEngine(KnowledgeBase kb, VectorStore store, Embedder embedder, RagSettings settings) {
        this.kb = kb;
        this.store = store;
        this.embedder = embedder;
        this.settings = settings;
    }

    /** Opens the engine over a knowledge-base directory's index, or an in-memory index of the knowledge base. */
    public static RagEngine open(KnowledgeBase kb, Path kbDir) {
        return RagStores.open(kb, kbDir);
    }

    /** As {@link #open(KnowledgeBase, Path)}, with the store chosen from {@code env} (MILVUS_URI, MLI_EMBEDDER, …). */
    public static RagEngine open(KnowledgeBase kb, Path kbDir, java.util.Map<String, String> env) {
        return RagStores.open(kb, kbDir, env);
    }

    public VectorStore store() {
        return store;
    }

    @Override
    public String name() {
        return "rag";
    }

    /** Closes the store (an index reloaded after a new knowledge base is published must not stay open). */
    @Override
    public void close() {
        store.close();
    }

    @Override
    public String unavailableReason() {
        return store.unavailableReason();
    }

    /** The store in use: {@code lucene at /kb/index} or {@code milvus at http://…}, with the embedder. */
    @Override
    public String backend() {
        io.mli.common.vector.StoreInfo i = store.info();
        return i.kind() + " at " + i.location() + " (" + i.embedderId() + ")";
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        String title = request.title();
        List<SearchHit> hits = recent.search(title, () -> store.search(new SearchRequest(title, embedder.embed(title),
                settings.neighbours(), settings.mode(), null, null)));
        if (hits.isEmpty()) {
            AgentAnswer none = AgentAnswer.abstained(name(), List.of(), null, "no similar catalog products");
            return request.check().isEmpty() ? none : none.withChecked(none);
        }
        CategoryGuess category = CategoryVote.of(title, hits);
        Map<String, GazetteerMatch> named = namedInTitle(title);
        AgentAnswer answer = vote(hits, ids(request.candidates()), category, named, request.topK());
        Set<String> check = ids(request.check());
        // Brands to check besides: the same neighbours' vote restricted to them, so the caller's next step (the
        // hybrid agent) need not ask again.
        return check.isEmpty() ? answer : answer.withChecked(vote(hits, check, category, named, request.topK()));
    }

    private static Set<String> ids(List<BrandGuess> brands) {
        return brands.stream().map(BrandGuess::id).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    /** The neighbours' vote, restricted to the brands in {@code restrict} unless it is empty. */
    private AgentAnswer vote(List<SearchHit> hits, Set<String> restrict, CategoryGuess category,
                             Map<String, GazetteerMatch> named, int topK) {
        List<SearchHit> voters = restrict.isEmpty() ? hits
                : hits.stream().filter(h -> restrict.contains(h.product().brandId())).toList();
        List<BrandGuess> guesses = new ArrayList<>();
        for (Vote v : Vote.tally(voters, h -> h.product().brandId())) {
            Brand b = kb.byId(v.value()).orElse(null);
            if (b == null) {
                continue;
            }
            GazetteerMatch m = named.get(b.id());
            double score = m != null ? 0.55 + 0.4 * v.share() : 0.75 * v.share();
            List<Evidence> ev = new ArrayList<>();
            ev.add(new Evidence("neighbours", null, String.format(Locale.ROOT, "%d of %d neighbours, share %.2f; "
                    + "nearest: %s", v.voters(), voters.size(), v.share(), v.best().product().title()), v.share()));
            if (m != null) {
                ev.add(new Evidence("title", m.span(), m.alias().surface(), m.alias().precision()));
            }
            guesses.add(new BrandGuess(b.id(), b.name(), b.allNames(), score, ev));
        }
        guesses.sort(java.util.Comparator.comparingDouble(BrandGuess::score).reversed());
        if (guesses.isEmpty()) {
            return AgentAnswer.abstained(name(), List.of(), category, restrict.isEmpty()
                    ? "neighbours carry no known brand" : "no neighbour has one of the candidate brands");
        }
        BrandGuess best = guesses.getFirst();
        List<BrandGuess> alternatives = guesses.subList(1, Math.min(guesses.size(), 1 + topK));
        boolean confirmed = named.containsKey(best.id());
        double share = best.evidence().getFirst().score();
        if (!confirmed && share < settings.minShare()) {
            return AgentAnswer.abstained(name(), guesses.subList(0, Math.min(guesses.size(), topK)),
                    category, String.format(Locale.ROOT, "neighbours split (best %s, share %.2f) and the title does "
                            + "not name it", best.name(), share));
        }
        // The detail names the kind of evidence: the orchestrator calibrates per kind.
        return AgentAnswer.ok(name(), best, alternatives, category, confirmed ? "named" : "unnamed");
    }

    /**
     * The brands the title names, each at its first mention; not those it names only as what the product fits, nor
     * letters of a model code.
     */
    private Map<String, GazetteerMatch> namedInTitle(String title) {
        Map<String, GazetteerMatch> out = new HashMap<>();
        List<GazetteerMatch> matches = ModelCodes.withoutCodes(title, kb.gazetteer().find(title));
        for (GazetteerMatch m : matches) {
            if (Fitment.fits(title, m, matches)) {
                continue;
            }
            out.merge(m.alias().brandId(), m, (a, b) -> a.compactStart() <= b.compactStart() ? a : b);
        }
        return out;
    }
}
