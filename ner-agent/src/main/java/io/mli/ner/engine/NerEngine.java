package io.mli.ner.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.kb.Brand;
import io.mli.common.kb.GazetteerMatch;
import io.mli.common.kb.KnowledgeBase;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The NER agent's engine. (First cut: gazetteer only; the CRF model joins it in the NER issue.)
 */
public final class NerEngine implements BrandAgent {
    private final KnowledgeBase kb;

    private NerEngine(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Opens the engine over a knowledge base and, when {@code kbDir} is not null, the models saved beside it. */
    public static NerEngine open(KnowledgeBase kb, Path kbDir) {
        return new NerEngine(kb);
    }

    @Override
    public String name() {
        return "ner";
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        List<GazetteerMatch> matches = kb.gazetteer().find(request.title());
        return matches.stream()
                .max(Comparator.comparingInt(GazetteerMatch::length))
                .map(m -> {
                    Brand b = kb.byId(m.alias().brandId()).orElseThrow();
                    BrandGuess g = new BrandGuess(b.id(), b.name(), b.allNames(), 0.9,
                            List.of(new Evidence("gazetteer", m.span(), m.alias().surface(), 0.9)));
                    return AgentAnswer.ok(name(), g, List.of(), null, "gazetteer");
                })
                .orElseGet(() -> AgentAnswer.abstained(name(), List.of(), null, "no known brand in the title"));
    }
}
