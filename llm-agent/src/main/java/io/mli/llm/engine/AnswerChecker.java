package io.mli.llm.engine;

import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.Span;
import io.mli.common.kb.AliasEntry;
import io.mli.common.kb.AliasKind;
import io.mli.common.kb.Brand;
import io.mli.common.kb.Gazetteer;
import io.mli.common.kb.GazetteerMatch;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.text.BrandKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the model's brand may stand. It must be written in the title (as the model spelled it, or as any
 * alias or product line of the knowledge-base brand it names, in any script, compared with the matching rule of
 * {@link BrandKeys} at word edges) outside any instruction-like stretch, or else be one of the candidates offered.
 * Otherwise the answer becomes an abstention: the agent never passes on a brand the model made up. A brand the model
 * cut short is made whole again when the title holds a longer known brand around it ({@code Clear} inside
 * {@code Clear Nose}), and known brands come back with their knowledge-base id and aliases.
 */
public final class AnswerChecker {
    static final int MAX_EVIDENCE_CHARS = 200;

    /** The outcome: a brand, or the reason there is none. */
    public sealed interface Verdict permits Accepted, Rejected {
    }

    public record Accepted(BrandGuess brand, String support) implements Verdict {
    }

    public record Rejected(String reason) implements Verdict {
    }

    private final KnowledgeBase kb;

    public AnswerChecker(KnowledgeBase kb) {
        this.kb = kb;
    }

    public Verdict check(String title, ModelAnswer answer, List<Candidate> candidates, List<Span> injected) {
        String name = answer.brand();
        String key = BrandKeys.key(name);
        if (key.isEmpty()) {
            return new Rejected("the model's brand '" + name + "' has no letters or digits");
        }
        Brand known = kb.byName(name).orElse(null);
        List<GazetteerMatch> kbMatches = kb.gazetteer().find(title).stream()
                .filter(m -> !InjectionGuard.inside(m.span(), injected))
                .toList();

        // Where the answer is written in the title: literally, or as any name of the known brand.
        List<Span> spans = new ArrayList<>();
        for (GazetteerMatch m : literal(title, key, name)) {
            if (!InjectionGuard.inside(m.span(), injected)) {
                spans.add(m.span());
            }
        }
        if (known != null) {
            kbMatches.stream().filter(m -> m.alias().brandId().equals(known.id())).forEach(m -> spans.add(m.span()));
        }
        Candidate candidate = candidate(candidates, key, known);

        if (!spans.isEmpty()) {
            // Cut short? A longer known brand around every place the answer stands wins.
            Optional<GazetteerMatch> whole = longerAround(spans, kbMatches, known);
            if (whole.isPresent()) {
                Brand b = kb.byId(whole.get().alias().brandId()).orElseThrow();
                return accept(b.id(), b.name(), b.allNames(), whole.get().span(), answer, "in title (made whole)");
            }
            if (known != null) {
                return accept(known.id(), known.name(), known.allNames(), first(spans), answer, "in title");
            }
            // Not a known name, yet written in the title: a brand the knowledge base does not know, kept whole even
            // when it contains a known one ("Apple Monkey" is not Apple).
            if (candidate != null) {
                return accept(candidate.id(), candidate.name(), candidate.aliases(), first(spans), answer,
                        "in title and a candidate");
            }
            Span at = first(spans);
            List<String> aliases = BrandKeys.same(at.text(), name) && !at.text().equals(name) ? List.of(name) : List.of();
            return accept(null, at.text(), aliases, at, answer, "in title (new brand)");
        }
        if (candidate != null) {
            Brand b = candidate.id() == null ? known : kb.byId(candidate.id()).orElse(known);
            return b != null
                    ? accept(b.id(), b.name(), b.allNames(), null, answer, "a candidate")
                    : accept(candidate.id(), candidate.name(), candidate.aliases(), null, answer, "a candidate");
        }
        return new Rejected("the model named '" + name + "', which is neither written in the title nor among the "
                + candidates.size() + " candidates");
    }

    private static List<GazetteerMatch> literal(String title, String key, String name) {
        return new Gazetteer(List.of(new AliasEntry(key, name, "answer", AliasKind.NAME, 1.0, 0))).find(title);
    }

    private static Candidate candidate(List<Candidate> candidates, String key, Brand known) {
        for (Candidate c : candidates) {
            if (known != null && known.id().equals(c.id())) {
                return c;
            }
            if (BrandKeys.key(c.name()).equals(key) || c.aliases().stream().anyMatch(a -> BrandKeys.key(a).equals(key))) {
                return c;
            }
        }
        return null;
    }

    private static Optional<GazetteerMatch> longerAround(List<Span> spans, List<GazetteerMatch> kbMatches,
                                                         Brand known) {
        GazetteerMatch best = null;
        for (Span s : spans) {
            GazetteerMatch around = kbMatches.stream()
                    .filter(m -> m.alias().kind() == AliasKind.NAME)
                    .filter(m -> known == null || !m.alias().brandId().equals(known.id()))
                    .filter(m -> CandidateFinder.covers(m.span(), s))
                    .max(Comparator.comparingInt(m -> m.span().end() - m.span().start()))
                    .orElse(null);
            if (around == null) {
                return Optional.empty();
            }
            if (best == null || around.span().end() - around.span().start() > best.span().end() - best.span().start()) {
                best = around;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Span first(List<Span> spans) {
        return spans.stream().min(Comparator.comparingInt(Span::start)).orElseThrow();
    }

    private static Accepted accept(String id, String name, List<String> aliases, Span span, ModelAnswer answer,
                                   String support) {
        String detail = answer.evidence().length() > MAX_EVIDENCE_CHARS
                ? answer.evidence().substring(0, MAX_EVIDENCE_CHARS) + "…" : answer.evidence();
        Evidence evidence = new Evidence("llm", span, support + (detail.isEmpty() ? "" : ": " + detail),
                answer.confidence());
        return new Accepted(new BrandGuess(id, name, aliases, answer.confidence(), List.of(evidence)), support);
    }
}
