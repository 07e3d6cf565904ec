package io.mli.llm.engine;

import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.Span;
import io.mli.common.kb.Brand;
import io.mli.common.kb.GazetteerMatch;
import io.mli.common.kb.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate brands offered to the model: the ones an upstream agent sent with the request, or else the ones the
 * knowledge base's gazetteer finds in the title (any script, any alias or product line). A match that lies inside a
 * longer match of another brand is dropped ({@code Clear} inside {@code Clear Nose}), and so is anything inside an
 * instruction-like stretch of the title.
 */
public final class CandidateFinder {
    static final int MAX_ALIASES = 4;

    private final KnowledgeBase kb;

    public CandidateFinder(KnowledgeBase kb) {
        this.kb = kb;
    }

    public List<Candidate> find(String title, List<BrandGuess> upstream, List<Span> injected, int max) {
        if (max <= 0) {
            return List.of();
        }
        if (!upstream.isEmpty()) {
            List<Candidate> out = new ArrayList<>();
            for (BrandGuess g : upstream) {
                Brand b = g.id() == null ? null : kb.byId(g.id()).orElse(null);
                List<String> aliases = !g.aliases().isEmpty() ? g.aliases() : b != null ? b.aliases() : List.of();
                String foundAs = g.evidence().stream().map(e -> e.span()).filter(s -> s != null)
                        .map(Span::text).findFirst().orElse(null);
                out.add(new Candidate(g.id(), g.name(), limit(aliases, g.name()), foundAs));
                if (out.size() == max) {
                    break;
                }
            }
            return out;
        }
        List<GazetteerMatch> matches = wholeMatches(kb.gazetteer().find(title));
        Map<String, Candidate> byBrand = new LinkedHashMap<>();
        for (GazetteerMatch m : matches) {
            if (InjectionGuard.inside(m.span(), injected) || byBrand.containsKey(m.alias().brandId())) {
                continue;
            }
            kb.byId(m.alias().brandId()).ifPresent(b -> byBrand.put(b.id(),
                    new Candidate(b.id(), b.name(), limit(b.aliases(), b.name()), m.span().text())));
            if (byBrand.size() == max) {
                break;
            }
        }
        return List.copyOf(byBrand.values());
    }

    /** Drops matches that lie strictly inside a longer match of another brand. */
    static List<GazetteerMatch> wholeMatches(List<GazetteerMatch> matches) {
        List<GazetteerMatch> out = new ArrayList<>();
        for (GazetteerMatch m : matches) {
            boolean covered = false;
            for (GazetteerMatch o : matches) {
                if (!o.alias().brandId().equals(m.alias().brandId()) && covers(o.span(), m.span())) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(m);
            }
        }
        return out;
    }

    /** True when {@code outer} contains {@code inner} and is longer. */
    static boolean covers(Span outer, Span inner) {
        return outer.start() <= inner.start() && outer.end() >= inner.end()
                && outer.end() - outer.start() > inner.end() - inner.start();
    }

    private static List<String> limit(List<String> aliases, String name) {
        return aliases.stream().filter(a -> !a.equals(name)).distinct().limit(MAX_ALIASES).toList();
    }
}
