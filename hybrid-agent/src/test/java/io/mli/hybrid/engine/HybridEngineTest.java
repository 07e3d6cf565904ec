package io.mli.hybrid.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.CategoryGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HybridEngineTest {
    record Agent(String name, Function<InferenceRequest, AgentAnswer> f, AtomicInteger calls) implements BrandAgent {
        Agent(String name, Function<InferenceRequest, AgentAnswer> f) {
            this(name, f, new AtomicInteger());
        }

        @Override
        public AgentAnswer infer(InferenceRequest request) {
            calls.incrementAndGet();
            return f.apply(request);
        }
    }

    static BrandGuess brand(String id, double score, double share) {
        return new BrandGuess(id, id.toUpperCase(), List.of(), score,
                List.of(new Evidence("neighbours", null, "", share)));
    }

    @Test
    void stopsAfterNerWhenItIsSure() {
        Agent ner = new Agent("ner", r -> AgentAnswer.ok("ner", brand("nivea", 0.95, 1), List.of(), null,
                "known_start"));
        Agent rag = new Agent("rag", r -> AgentAnswer.ok("rag", brand("nivea", 0.9, 1), List.of(), null, "named"));
        AgentAnswer a = new HybridEngine(ner, rag, null).infer(InferenceRequest.of("Nivea Soft"));
        assertThat(a.detail()).isEqualTo("ner");
        assertThat(rag.calls().get()).isZero();
    }

    @Test
    void retrievalConfirmsOneOfTheNerCandidates() {
        Agent ner = new Agent("ner", r -> AgentAnswer.ok("ner", brand("cp", 0.7, 0),
                List.of(brand("meiji", 0.5, 0)), null, "known_mid"));
        Agent rag = new Agent("rag", r -> {
            assertThat(r.candidates()).extracting(BrandGuess::id).containsExactly("cp", "meiji");
            return AgentAnswer.ok("rag", brand("meiji", 0.8, 0.9), List.of(), null, "named");
        });
        AgentAnswer a = new HybridEngine(ner, rag, null).infer(InferenceRequest.of("x"));
        assertThat(a.detail()).isEqualTo("ner+rag");
        assertThat(a.brand().id()).isEqualTo("meiji");
        assertThat(a.brand().score()).isGreaterThan(0.5);
    }

    @Test
    void retrievalDoesNotPutAKnownWordOfANewNameAboveIt() {
        // Del Monte is new to the catalog, so no neighbour votes for it; MONTE, a known brand, is a word of it that
        // other products share. The new name stays the answer, with the neighbours' category.
        BrandGuess delMonte = new BrandGuess(null, "Del Monte", List.of("Del Monte"), 0.75, List.of());
        Agent ner = new Agent("ner", r -> AgentAnswer.ok("ner", delMonte, List.of(brand("monte", 0.4, 0)), null,
                "new"));
        CategoryGuess soups = new CategoryGuess("Pantry /// Soup", 0.8);
        Agent rag = new Agent("rag", r -> AgentAnswer.ok("rag", brand("monte", 0.8, 0.9), List.of(), soups, "named"));
        AgentAnswer a = new HybridEngine(ner, rag, null).infer(InferenceRequest.of("Del Monte Creamy Tomato Soup"));
        assertThat(a.brand().name()).isEqualTo("Del Monte");
        assertThat(a.detail()).isEqualTo("ner_only");
        assertThat(a.category()).isEqualTo(soups);
        assertThat(a.alternatives()).extracting(BrandGuess::id).containsExactly("monte");
    }

    @Test
    void retrievalsCheckSentByTheCallerIsUsedWithoutAskingRetrieval() {
        Agent ner = new Agent("ner", r -> AgentAnswer.ok("ner", brand("cp", 0.7, 0), List.of(), null, "known_mid"));
        Agent rag = new Agent("rag", r -> AgentAnswer.ok("rag", brand("cp", 0.8, 0.9), List.of(), null, "named"));
        AgentAnswer checked = AgentAnswer.ok("rag", brand("meiji", 0.8, 0.9), List.of(), null, "named");
        InferenceRequest fromOrchestrator = InferenceRequest.of("x")
                .withCandidates(List.of(brand("cp", 0.7, 0), brand("meiji", 0.5, 0))).withChecked(checked);

        AgentAnswer a = new HybridEngine(ner, rag, null).infer(fromOrchestrator);

        assertThat(a.detail()).isEqualTo("ner+rag");
        assertThat(a.brand().id()).isEqualTo("meiji");
        assertThat(a.usage()).containsEntry("rag", "ok (from caller)");
        assertThat(rag.calls().get()).isZero();
        assertThat(ner.calls().get()).isZero();
    }

    @Test
    void asksTheLlmWhenRetrievalCannotConfirmAndUsesCallerCandidates() {
        Agent ner = new Agent("ner", r -> {
            throw new AssertionError("candidates were given: NER must not run again");
        });
        Agent rag = new Agent("rag", r -> AgentAnswer.abstained("rag", List.of(), null, "split"));
        Agent llm = new Agent("llm", r -> AgentAnswer.ok("llm", brand("zab", 0.8, 0), List.of(), null, "llm"));
        AgentAnswer a = new HybridEngine(ner, rag, llm).infer(InferenceRequest.of("Zab Honey")
                .withCandidates(List.of(brand("zab", 0.6, 0))));
        assertThat(a.detail()).isEqualTo("llm");
        assertThat(a.usage()).containsEntry("llm", "ok");
    }

    @Test
    void withoutConfirmationReturnsNersGuessMarkedSo() {
        Agent ner = new Agent("ner", r -> AgentAnswer.ok("ner", new BrandGuess(null, "Zab", List.of(), 0.6,
                List.of()), List.of(), null, "new"));
        Agent rag = new Agent("rag", r -> AgentAnswer.abstained("rag", List.of(), null, "none"));
        AgentAnswer a = new HybridEngine(ner, rag, null).infer(InferenceRequest.of("Zab Honey"));
        assertThat(a.status()).isEqualTo(AgentStatus.OK);
        assertThat(a.detail()).isEqualTo("ner_only");
        assertThat(a.usage()).containsEntry("rag", "skipped: no known candidate");
    }

    @Test
    void abstainsWithNoCandidates() {
        Agent ner = new Agent("ner", r -> AgentAnswer.abstained("ner", List.of(), null, "none"));
        Agent rag = new Agent("rag", r -> AgentAnswer.abstained("rag", List.of(), null, "none"));
        assertThat(new HybridEngine(ner, rag, null).infer(InferenceRequest.of("Generic USB Cable")).status())
                .isEqualTo(AgentStatus.ABSTAINED);
    }

    @Test
    void theAnswerCarriesRetrievalsCategoryWhenRetrievalWasAskedElseNers() {
        CategoryGuess lotion = new CategoryGuess("Beauty/Body/Lotion", 0.8);
        CategoryGuess snacks = new CategoryGuess("Food/Snacks", 0.7);
        Agent sureNer = new Agent("ner", r -> AgentAnswer.ok("ner", brand("nivea", 0.95, 1), List.of(), lotion,
                "known_start"));
        Agent rag = new Agent("rag", r -> AgentAnswer.ok("rag", brand("cp", 0.8, 0.9), List.of(), snacks, "named"));
        assertThat(new HybridEngine(sureNer, rag, null).infer(InferenceRequest.of("Nivea Body Lotion")).category())
                .isEqualTo(lotion);

        Agent unsureNer = new Agent("ner", r -> AgentAnswer.ok("ner", brand("cp", 0.6, 0), List.of(), lotion,
                "known_mid"));
        AgentAnswer confirmed = new HybridEngine(unsureNer, rag, null).infer(InferenceRequest.of("CP snack"));
        assertThat(confirmed.detail()).isEqualTo("ner+rag");
        assertThat(confirmed.category()).isEqualTo(snacks);

        Agent ragOther = new Agent("rag", r -> AgentAnswer.ok("rag", brand("lays", 0.8, 0.9), List.of(), snacks,
                "named"));
        AgentAnswer unconfirmed = new HybridEngine(unsureNer, ragOther, null).infer(InferenceRequest.of("CP snack"));
        assertThat(unconfirmed.detail()).isEqualTo("ner_only");
        assertThat(unconfirmed.category()).as("neighbours naming another brand vote that brand's category")
                .isEqualTo(lotion);

        CategoryGuess tea = new CategoryGuess("Beverages/Tea", 0.6);
        Agent llm = new Agent("llm", r -> AgentAnswer.ok("llm", brand("lipton", 0.8, 0), List.of(), tea, "llm"));
        Agent noRag = new Agent("rag", r -> AgentAnswer.abstained("rag", List.of(), null, "none"));
        AgentAnswer chosen = new HybridEngine(unsureNer, noRag, llm).infer(InferenceRequest.of("CP Lipton tea"));
        assertThat(chosen.detail()).isEqualTo("llm");
        assertThat(chosen.category()).as("the LLM chose another brand than NER's").isEqualTo(tea);
    }

    @Test
    void aNewNameOfTheCatalogsOrdinaryWordsKeepsItsMark() {
        // NER's new_words name answered for no reason of the hybrid agent's own: calibrated apart, as a brand less often.
        BrandGuess hanger = new BrandGuess(null, "Clothes Hanger", List.of("Clothes Hanger"), 0.7, List.of());
        Agent ner = new Agent("ner", r -> AgentAnswer.ok("ner", hanger, List.of(), null, "new_words.more"));
        Agent rag = new Agent("rag", r -> AgentAnswer.abstained("rag", List.of(), null, "split"));
        assertThat(new HybridEngine(ner, rag, null).infer(InferenceRequest.of("Clothes Hanger Assorted Colors Pack6"))
                .detail()).isEqualTo("ner_only.new_words");
        Agent named = new Agent("ner", r -> AgentAnswer.ok("ner", hanger, List.of(), null, "new.more"));
        assertThat(new HybridEngine(named, rag, null).infer(InferenceRequest.of("Clothes Hanger Assorted Colors"))
                .detail()).isEqualTo("ner_only");
    }
}
