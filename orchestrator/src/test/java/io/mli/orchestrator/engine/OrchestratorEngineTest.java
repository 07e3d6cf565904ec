package io.mli.orchestrator.engine;

import static io.mli.common.agent.TestAgents.answering;
import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.CategoryGuess;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrchestratorEngineTest {

    /** An agent with a fixed answer that counts its calls ({@code called}: to wait for one made on another thread). */
    static final class Fixed implements BrandAgent {
        final String name;
        final AgentAnswer answer;
        final long sleepMs;
        /** How many of the first calls take {@code sleepMs}; the later ones answer at once. */
        final int slowCalls;
        final AtomicInteger calls = new AtomicInteger();
        final java.util.concurrent.CountDownLatch called = new java.util.concurrent.CountDownLatch(1);

        Fixed(String name, AgentAnswer answer, long sleepMs) {
            this(name, answer, sleepMs, Integer.MAX_VALUE);
        }

        private Fixed(String name, AgentAnswer answer, long sleepMs, int slowCalls) {
            this.name = name;
            this.answer = answer;
            this.sleepMs = sleepMs;
            this.slowCalls = slowCalls;
        }

        /** An agent whose first answer takes {@code sleepMs} and whose next ones come at once. */
        static Fixed slowOnlyFirst(String name, AgentAnswer answer, long sleepMs) {
            return new Fixed(name, answer, sleepMs, 1);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public AgentAnswer infer(InferenceRequest request) {
            int call = calls.incrementAndGet();
            called.countDown();
            if (sleepMs > 0 && call <= slowCalls) {
                try {
                    Thread.sleep(sleepMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return answer;
        }
    }

    static BrandGuess brand(String id, double score) {
        return new BrandGuess(id, id.toUpperCase(), List.of(id), score, List.of());
    }

    static AgentAnswer ok(String agent, String id, double score, String kind) {
        return AgentAnswer.ok(agent, brand(id, score), List.of(), null, kind);
    }

    /** NER sure of a brand with catalog products, whose category it gives: the cascade asks no one else. */
    static AgentAnswer sureWithCategory(String id) {
        return AgentAnswer.ok("ner", brand(id, 0.99), List.of(), new CategoryGuess("Food /// Noodles", 0.9),
                "known_start");
    }

    /** The agents by name, in the given order (nulls left out). */
    private static Map<String, BrandAgent> agents(BrandAgent... agents) {
        Map<String, BrandAgent> m = new LinkedHashMap<>();
        for (BrandAgent a : agents) {
            if (a != null) {
                m.put(a.name(), a);
            }
        }
        return m;
    }

    private static OrchestratorEngine engine(BrandAgent ner, BrandAgent rag, BrandAgent hybrid) {
        return new OrchestratorEngine(agents(ner, rag, hybrid),
                new OrchestratorSettings(Map.of(), Duration.ofMillis(300), 0.9, 0.5));
    }

    @Test
    void theCascadeStopsEarlyWhenNerAndRetrievalAgreeConfidently() {
        Fixed ner = new Fixed("ner", ok("ner", "nivea", 0.97, "known_start"), 0);
        Fixed rag = new Fixed("rag", ok("rag", "nivea", 0.95, "named"), 0);
        Fixed hybrid = new Fixed("hybrid", ok("hybrid", "other", 0.99, "ner+rag"), 0);
        try (OrchestratorEngine e = engine(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Nivea Soft"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.brand().id()).isEqualTo("nivea");
            assertThat(r.agreedAgents()).containsExactly("ner", "rag");
            assertThat(hybrid.calls.get()).isZero();
            assertThat(r.agentResults()).extracting(AgentAnswer::status)
                    .containsExactly(AgentStatus.OK, AgentStatus.OK, AgentStatus.SKIPPED);
        }
    }

    @Test
    void theCascadeEscalatesWhenUnsureAndPassesTheCandidates() {
        Fixed ner = new Fixed("ner", ok("ner", "zab", 0.6, "new"), 0);
        Fixed rag = new Fixed("rag", AgentAnswer.abstained("rag", List.of(), null, "split"), 0);
        BrandAgent hybrid = answering("hybrid", request -> {
            assertThat(request.candidates()).extracting(BrandGuess::id).containsExactly("zab");
            return ok("hybrid", "zab", 0.8, "ner_only");
        });
        try (OrchestratorEngine e = engine(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Zab Honey"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.brand().id()).isEqualTo("zab");
            assertThat(r.agreedAgents()).contains("hybrid", "ner");
        }
    }

    @Test
    void abstainsBelowTheThresholdWithTheReason() {
        Fixed ner = new Fixed("ner", ok("ner", "taco", 0.3, "new"), 0);
        Fixed rag = new Fixed("rag", AgentAnswer.abstained("rag", List.of(), null, "none"), 0);
        Fixed hybrid = new Fixed("hybrid", ok("hybrid", "taco", 0.3, "ner_only"), 0);
        try (OrchestratorEngine e = engine(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Taco Kit"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.brand()).isNull();
            assertThat(r.abstainReason()).contains("not sure enough", "TACO");
            assertThat(r.alternatives()).extracting(BrandGuess::id).contains("taco");
        }
    }

    @Test
    void aSlowOrFailingAgentIsReportedAndTheOthersAnswer() {
        Fixed ner = new Fixed("ner", ok("ner", "nivea", 0.97, "known_start"), 0);
        Fixed rag = new Fixed("rag", ok("rag", "nivea", 0.95, "named"), 2_000);
        BrandAgent hybrid = answering("hybrid", request -> {
            throw new IllegalStateException("boom");
        });
        try (OrchestratorEngine e = engine(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Nivea Soft"), Method.ORCHESTRATOR, Mode.ALL);
            assertThat(r.brand().id()).isEqualTo("nivea");
            Map<String, AgentStatus> status = new LinkedHashMap<>();
            r.agentResults().forEach(a -> status.put(a.agent(), a.status()));
            assertThat(status).containsEntry("rag", AgentStatus.TIMEOUT).containsEntry("hybrid", AgentStatus.ERROR);
        }
    }

    private static OrchestratorEngine nerFirst(BrandAgent ner, BrandAgent rag, BrandAgent hybrid) {
        return new OrchestratorEngine(agents(ner, rag, hybrid),
                new OrchestratorSettings(Map.of(), Duration.ofMillis(2_000), 0.9, 0.5).nerFirst(0.97));
    }

    @Test
    void nerFirstAnswersAloneWhenSureAndNeverAsksRetrieval() {
        Fixed ner = new Fixed("ner", sureWithCategory("nivea"), 0);
        Fixed rag = new Fixed("rag", ok("rag", "other", 0.99, "named"), 0);
        Fixed hybrid = new Fixed("hybrid", ok("hybrid", "other", 0.99, "ner+rag"), 0);
        try (OrchestratorEngine e = nerFirst(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Nivea Soft"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.brand().id()).isEqualTo("nivea");
            assertThat(rag.calls.get() + hybrid.calls.get()).isZero();
            assertThat(r.agentResults()).extracting(AgentAnswer::status)
                    .containsExactly(AgentStatus.OK, AgentStatus.SKIPPED, AgentStatus.SKIPPED);
        }
    }

    @Test
    void aSureNerAnswerWithoutACategoryAsksRetrievalForItsCategoryOnly() {
        // A brand known only from the starter has no catalog products to give a category: the neighbours' vote does.
        Fixed ner = new Fixed("ner", ok("ner", "nivea", 0.99, "known_start")
                .withUsage(Map.of(AgentAnswer.NO_CATALOG_PRODUCTS, true)), 0);
        Fixed rag = new Fixed("rag", AgentAnswer.ok("rag", brand("other", 0.99), List.of(),
                new CategoryGuess("Beauty /// Creams", 0.8), "named"), 0);
        Fixed hybrid = new Fixed("hybrid", ok("hybrid", "other", 0.99, "ner+rag"), 0);
        try (OrchestratorEngine e = nerFirst(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Nivea Soft"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.brand().id()).as("the brand stays NER's").isEqualTo("nivea");
            assertThat(r.category().path()).isEqualTo("Beauty /// Creams");
            assertThat(rag.calls.get()).isEqualTo(1);
            assertThat(hybrid.calls.get()).isZero();
        }
        // Not for a Thai-script title, whose neighbours share its numbers more than its kind of product.
        Fixed rag3 = new Fixed("rag", AgentAnswer.ok("rag", brand("other", 0.99), List.of(),
                new CategoryGuess("Beauty /// Creams", 0.8), "named"), 0);
        try (OrchestratorEngine e = nerFirst(ner, rag3, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("นีเวีย ครีมบำรุงผิว 100 มล."), Method.ORCHESTRATOR,
                    Mode.CASCADE);
            assertThat(r.brand().id()).isEqualTo("nivea");
            assertThat(rag3.calls.get()).isZero();
        }
        // A brand with catalog products but no category in them (the catalog's Lazada rows): nobody else is asked.
        Fixed uncategorised = new Fixed("ner", ok("ner", "nivea", 0.99, "known_start"), 0);
        Fixed rag2 = new Fixed("rag", ok("rag", "other", 0.99, "named"), 0);
        try (OrchestratorEngine e = nerFirst(uncategorised, rag2, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Nivea Soft"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.category()).isNull();
            assertThat(rag2.calls.get()).isZero();
        }
    }

    @Test
    void aNameTheKnowledgeBaseDoesNotKnowIsNeverSureAlone() {
        // However high its score: retrieval is asked (for the category, and a second look).
        AgentAnswer newBrand = AgentAnswer.ok("ner", new BrandGuess(null, "Zabrowski", List.of(), 0.99, List.of()),
                List.of(), null, "new");
        Fixed ner = new Fixed("ner", newBrand, 0);
        Fixed rag = new Fixed("rag", AgentAnswer.abstained("rag", List.of(), null, "neighbours split"), 0);
        try (OrchestratorEngine e = nerFirst(ner, rag, null)) {
            InferenceResult r = e.infer(InferenceRequest.of("Zabrowski Ketchup"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.brand().name()).isEqualTo("Zabrowski");
            assertThat(rag.calls.get()).isEqualTo(1);
        }
    }

    @Test
    void nerFirstAsksEachAgentOnceWhenNerIsUnsure() {
        Fixed ner = new Fixed("ner", ok("ner", "nivea", 0.95, "known_start"), 0);
        Fixed rag = new Fixed("rag", ok("rag", "nivea", 0.95, "named"), 0);
        Fixed hybrid = new Fixed("hybrid", ok("hybrid", "other", 0.99, "ner+rag"), 0);
        try (OrchestratorEngine e = nerFirst(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Nivea Soft"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.brand().id()).isEqualTo("nivea");
            assertThat(r.agreedAgents()).containsExactly("ner", "rag");
            assertThat(List.of(ner.calls.get(), rag.calls.get(), hybrid.calls.get())).containsExactly(1, 1, 0);
        }
    }

    /** An agent answering with a function of the request, remembering the requests. */
    record Answering(String name, java.util.function.Function<InferenceRequest, AgentAnswer> f,
                     List<InferenceRequest> seen) implements BrandAgent {
        Answering(String name, java.util.function.Function<InferenceRequest, AgentAnswer> f) {
            this(name, f, new java.util.concurrent.CopyOnWriteArrayList<>());
        }

        @Override
        public AgentAnswer infer(InferenceRequest request) {
            seen.add(request);
            return f.apply(request);
        }
    }

    @Test
    void afterNerRetrievalChecksItsCandidatesForTheHybridAgentInTheSameCall() {
        Fixed ner = new Fixed("ner", ok("ner", "zab", 0.6, "new"), 0);
        AgentAnswer check = ok("rag", "zab", 0.7, "named");
        Answering rag = new Answering("rag", r -> AgentAnswer.abstained("rag", List.of(), null, "split")
                .withChecked(r.check().isEmpty() ? null : check));
        Answering hybrid = new Answering("hybrid", r -> ok("hybrid", "zab", 0.8, "ner+rag"));
        try (OrchestratorEngine e = nerFirst(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Zab Honey"), Method.ORCHESTRATOR, Mode.CASCADE);

            assertThat(r.brand().id()).isEqualTo("zab");
            assertThat(rag.seen()).singleElement().satisfies(q -> {
                assertThat(q.check()).extracting(BrandGuess::id).containsExactly("zab");
                assertThat(q.candidates()).isEmpty(); // retrieval's own answer stays unrestricted
            });
            assertThat(hybrid.seen()).singleElement().satisfies(q -> {
                assertThat(q.candidates()).extracting(BrandGuess::id).containsExactly("zab");
                assertThat(q.checked()).isEqualTo(check);
            });
            // The check travels on to the hybrid agent, not into the answer's agent results.
            assertThat(r.agentResults()).allSatisfy(a -> assertThat(a.checked()).isNull());
        }
    }

    @Test
    void withoutAHybridAgentRetrievalIsNotAskedToCheckCandidates() {
        Fixed ner = new Fixed("ner", ok("ner", "zab", 0.6, "new"), 0);
        Answering rag = new Answering("rag", r -> ok("rag", "zab", 0.7, "named"));
        try (OrchestratorEngine e = nerFirst(ner, rag, null)) {
            InferenceResult r = e.infer(InferenceRequest.of("Zab Honey"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.brand().id()).isEqualTo("zab");
            assertThat(rag.seen()).singleElement().satisfies(q -> assertThat(q.check()).isEmpty());
        }
    }

    @Test
    void aSlowNerDoesNotHoldRetrievalBack() {
        // NER answers only once retrieval has been asked (or, if it never is, after a bound that fails the test): a
        // cascade that waited for NER before asking retrieval would not see retrieval asked while NER still runs.
        Fixed rag = new Fixed("rag", ok("rag", "nivea", 0.95, "named"), 0);
        AtomicBoolean retrievalAskedMeanwhile = new AtomicBoolean();
        BrandAgent ner = answering("ner", request -> {
            try {
                retrievalAskedMeanwhile.set(rag.called.await(1_500, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok("ner", "nivea", 0.99, "known_start");
        });
        Fixed hybrid = new Fixed("hybrid", ok("hybrid", "nivea", 0.99, "ner+rag"), 0);
        try (OrchestratorEngine e = nerFirst(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("Nivea Soft"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(r.brand().id()).isEqualTo("nivea");
            assertThat(retrievalAskedMeanwhile).as("retrieval asked while NER was still working").isTrue();
            assertThat(rag.calls.get()).isEqualTo(1);
            // NER is sure: the answer is NER's alone, as it would be had NER answered at once.
            assertThat(r.agreedAgents()).containsExactly("ner");
            assertThat(hybrid.calls.get()).isZero();
        }
    }

    @Test
    void theHybridAgentIsNotAskedWithoutNerCandidates() {
        Fixed ner = new Fixed("ner", AgentAnswer.abstained("ner", List.of(), null, "no span"), 0);
        Fixed rag = new Fixed("rag", ok("rag", "nivea", 0.5, "unnamed"), 0);
        Fixed hybrid = new Fixed("hybrid", ok("hybrid", "nivea", 0.99, "ner+rag"), 0);
        try (OrchestratorEngine e = engine(ner, rag, hybrid)) {
            InferenceResult r = e.infer(InferenceRequest.of("USB Cable"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(hybrid.calls.get()).isZero();
            assertThat(r.agentResults().getLast().detail()).contains("no NER candidates");
        }
    }

    /** A calibration under which a retrieval-only answer is right half the time, whatever its score. */
    private static Calibration retrievalAloneAtHalf() {
        List<Calibration.Sample> samples = new java.util.ArrayList<>();
        for (String kind : List.of("rag.named.alone", "rag.unnamed.alone")) {
            for (int i = 0; i < 100; i++) {
                samples.add(new Calibration.Sample(kind, i / 100.0, i % 2 == 0));
            }
        }
        return Calibration.fit(samples, Map.of());
    }

    @Test
    void retrievalIsNotAskedWhenNerFindsNothingAndRetrievalAloneCannotClearTheLine() {
        Fixed ner = new Fixed("ner", AgentAnswer.abstained("ner", List.of(), null, "no brand found"), 0);
        Fixed rag = new Fixed("rag", ok("rag", "mama", 0.9, "unnamed"), 0);
        Fixed hybrid = new Fixed("hybrid", ok("hybrid", "mama", 0.9, "ner+rag"), 0);
        // At best 0.5: above the 0.3 line of a Latin-script title, below the 0.6 of a Thai one.
        try (OrchestratorEngine e = new OrchestratorEngine(agents(ner, rag, hybrid),
                OrchestratorSettings.defaults().nerFirst(0.97),
                retrievalAloneAtHalf(), new OrchestratorEngine.Listener() { }, true)) {
            InferenceResult thai = e.infer(InferenceRequest.of("บะหมี่กึ่งสำเร็จรูป รสต้มยำกุ้ง"), Method.ORCHESTRATOR,
                    Mode.CASCADE);
            assertThat(rag.calls.get()).isZero();
            assertThat(thai.brand()).isNull();
            assertThat(thai.agentResults().get(1).status()).isEqualTo(AgentStatus.SKIPPED);
            e.infer(InferenceRequest.of("Instant Noodles Tom Yum 55g"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(rag.calls.get()).isEqualTo(1);
            assertThat(hybrid.calls.get()).isZero();
        }
    }

    @Test
    void thaiScriptTitlesAskRetrievalBesideNerWithNerFirstsAnswers() throws Exception {
        for (boolean beside : List.of(true, false)) {
            // NER answers at once and is sure: NER-first alone would never ask retrieval.
            Fixed ner = new Fixed("ner", sureWithCategory("mama"), 0);
            Fixed rag = new Fixed("rag", ok("rag", "other", 0.99, "named"), 0);
            Fixed hybrid = new Fixed("hybrid", ok("hybrid", "other", 0.99, "ner+rag"), 0);
            try (OrchestratorEngine e = new OrchestratorEngine(agents(ner, rag, hybrid),
                    OrchestratorSettings.defaults().nerFirst(0.97).thaiInParallel(beside))) {
                InferenceResult r = e.infer(InferenceRequest.of("มาม่า บะหมี่กึ่งสำเร็จรูป รสต้มยำกุ้ง"),
                        Method.ORCHESTRATOR, Mode.CASCADE);
                // The same answer either way: NER's alone; retrieval, asked beside it or not, is not used.
                assertThat(r.brand().id()).isEqualTo("mama");
                assertThat(r.agreedAgents()).containsExactly("ner");
                assertThat(r.agentResults()).extracting(AgentAnswer::status)
                        .containsExactly(AgentStatus.OK, AgentStatus.SKIPPED, AgentStatus.SKIPPED);
                assertThat(rag.called.await(beside ? 2 : 0, TimeUnit.SECONDS)).as("retrieval asked").isEqualTo(beside);
            }
        }
    }

    @Test
    void underLoadAThaiTitleWaitsForNerBeforeAskingRetrieval() throws Exception {
        // NER is sure; its first answer takes 200 ms, the next come at once. Alone, a Thai title asks retrieval beside
        // NER; one that arrives while another is in flight (more than besideUpTo = 1) waits for NER, which is sure,
        // and retrieval is not asked.
        Fixed ner = Fixed.slowOnlyFirst("ner", sureWithCategory("mama"), 200);
        Fixed rag = new Fixed("rag", ok("rag", "other", 0.99, "named"), 0);
        try (OrchestratorEngine e = new OrchestratorEngine(agents(ner, rag),
                OrchestratorSettings.defaults().nerFirst(0.97).thaiInParallel(true), Calibration.identity(),
                new OrchestratorEngine.Listener() { }, false, 1)) {
            InferenceRequest thai = InferenceRequest.of("มาม่า บะหมี่กึ่งสำเร็จรูป รสต้มยำกุ้ง");
            CompletableFuture<InferenceResult> first = CompletableFuture.supplyAsync(
                    () -> e.infer(thai, Method.ORCHESTRATOR, Mode.CASCADE));
            assertThat(rag.called.await(2, TimeUnit.SECONDS)).as("retrieval asked beside NER").isTrue();
            assertThat(ner.called.await(2, TimeUnit.SECONDS)).as("the first request's (slow) NER call").isTrue();
            InferenceResult second = e.infer(thai, Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(second.brand().id()).isEqualTo("mama");
            assertThat(first.get(2, TimeUnit.SECONDS).brand().id()).isEqualTo("mama");
            assertThat(ner.calls.get()).isEqualTo(2);
            assertThat(rag.calls.get()).isEqualTo(1);
        }
    }

    /** NER's answer resting on the given word of the title. */
    private static AgentAnswer nerAt(String title, String word, double score) {
        int at = title.indexOf(word);
        io.mli.common.domain.Span span = new io.mli.common.domain.Span(at, at + word.length(), word);
        BrandGuess g = new BrandGuess(null, word, List.of(word), score,
                List.of(new io.mli.common.domain.Evidence("crf", span, word, score)));
        return AgentAnswer.ok("ner", g, List.of(), null, "new");
    }

    @Test
    void aThaiTitleOpeningWithALatinNameIsHeldToTheLatinThreshold() {
        OrchestratorSettings s = OrchestratorSettings.defaults();
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("RAPOO เม้าส์ไร้สาย รุ่น M20", "RAPOO");          // opens the title: the Latin line
        titles.put("[RAPOO] เม้าส์ไร้สาย", "RAPOO");                 // behind a bracket, still the first word
        titles.put("ME STYLE DISNEY เสื้อเชิ้ต สีฟ้า", "DISNEY");     // a licence further in: the Thai line
        titles.put("เม้าส์ไร้สาย RAPOO รุ่น M20", "RAPOO");           // after Thai words: the Thai line
        titles.put("ราพู เม้าส์ไร้สาย", "ราพู");                       // a Thai spelling: the Thai line
        List<Double> lines = titles.entrySet().stream()
                .map(e -> s.abstainBelow("mixed", e.getKey(), nerAt(e.getKey(), e.getValue(), 0.5).brand()))
                .toList();
        assertThat(lines).containsExactly(s.abstainBelow(), s.abstainBelow(), s.abstainBelowThai(),
                s.abstainBelowThai(), s.abstainBelowThai());
        // Retrieval's vote rests on no word of the title.
        assertThat(s.abstainBelow("th", "เม้าส์ไร้สาย", brand("rapoo", 0.5))).isEqualTo(s.abstainBelowThai());
        assertThat(s.abstainBelow("en", "ราพู mouse", brand("rapoo", 0.5))).isEqualTo(s.abstainBelow());

        Fixed ner = new Fixed("ner", nerAt("RAPOO เม้าส์ไร้สาย รุ่น M20", "RAPOO", 0.5), 0);
        Fixed rag = new Fixed("rag", AgentAnswer.abstained("rag", List.of(), null, "split"), 0);
        try (OrchestratorEngine e = new OrchestratorEngine(agents(ner, rag), s)) {
            InferenceResult r = e.infer(InferenceRequest.of("RAPOO เม้าส์ไร้สาย รุ่น M20"), Method.ORCHESTRATOR,
                    Mode.CASCADE);
            assertThat(r.brand()).as(r.abstainReason()).isNotNull();
            assertThat(r.brand().name()).isEqualTo("RAPOO");
        }
        Fixed licence = new Fixed("ner", nerAt("ME STYLE DISNEY เสื้อเชิ้ต สีฟ้า", "DISNEY", 0.5), 0);
        try (OrchestratorEngine e = new OrchestratorEngine(agents(licence, rag), s)) {
            InferenceResult r = e.infer(InferenceRequest.of("ME STYLE DISNEY เสื้อเชิ้ต สีฟ้า"), Method.ORCHESTRATOR,
                    Mode.CASCADE);
            assertThat(r.brand()).isNull();
            assertThat(r.abstainReason()).contains("below 0.60");
        }
    }

    @Test
    void thaiPromotionDoesNotMakeALatinTitleThai() {
        OrchestratorSettings s = OrchestratorSettings.defaults();
        // A Thai tag before a Latin name is no word before it.
        assertThat(s.abstainBelow("mixed", "【ลดราคา】 RAPOO เม้าส์ไร้สาย", nerAt("【ลดราคา】 RAPOO เม้าส์ไร้สาย", "RAPOO",
                0.5).brand())).isEqualTo(s.abstainBelow());
        // A licence further in, on a title whose only Thai is sales talk: the Latin line, as without the talk.
        Fixed rag = new Fixed("rag", AgentAnswer.abstained("rag", List.of(), null, "split"), 0);
        for (String title : List.of("ME STYLE DISNEY Shirt Blue", "ME STYLE DISNEY Shirt Blue #ของแท้ ส่งฟรี")) {
            Fixed licence = new Fixed("ner", nerAt(title, "DISNEY", 0.5), 0);
            try (OrchestratorEngine e = new OrchestratorEngine(agents(licence, rag), s)) {
                InferenceResult r = e.infer(InferenceRequest.of(title), Method.ORCHESTRATOR, Mode.CASCADE);
                assertThat(r.brand()).as(title + ": " + r.abstainReason()).isNotNull();
                assertThat(r.language()).isEqualTo(title.contains("ส่ง") ? "mixed" : "en");
            }
        }
    }

    @Test
    void latinTitlesStillAskNerAloneFirstWhenThaiGoesInParallel() {
        Fixed ner = new Fixed("ner", sureWithCategory("nivea"), 0);
        Fixed rag = new Fixed("rag", ok("rag", "other", 0.99, "named"), 0);
        Fixed hybrid = new Fixed("hybrid", ok("hybrid", "other", 0.99, "ner+rag"), 0);
        try (OrchestratorEngine e = new OrchestratorEngine(agents(ner, rag, hybrid),
                OrchestratorSettings.defaults().nerFirst(0.97).thaiInParallel(true))) {
            InferenceResult r = e.infer(InferenceRequest.of("Nivea Soft Cream 100ml"), Method.ORCHESTRATOR,
                    Mode.CASCADE);
            assertThat(r.brand().id()).isEqualTo("nivea");
            assertThat(rag.calls.get()).isZero();
        }
    }

    @Test
    void inProcessTheAgentsRunOnTheCallersThread() {
        java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        BrandAgent ner = answering("ner", request -> {
            threads.add(Thread.currentThread());
            return ok("ner", "nivea", 0.95, "known_start");
        });
        BrandAgent rag = answering("rag", request -> {
            threads.add(Thread.currentThread());
            throw new IllegalStateException("index closed");
        });
        try (OrchestratorEngine e = new OrchestratorEngine(agents(ner, rag),
                OrchestratorSettings.defaults().nerFirst(0.97),
                Calibration.identity(), new OrchestratorEngine.Listener() { }, true)) {
            InferenceResult r = e.infer(InferenceRequest.of("Nivea Soft"), Method.ORCHESTRATOR, Mode.CASCADE);
            assertThat(threads).containsExactly(Thread.currentThread());
            assertThat(r.brand().id()).isEqualTo("nivea");
            assertThat(r.agentResults().get(1).status()).isEqualTo(AgentStatus.ERROR);
            assertThat(r.agentResults().get(1).detail()).contains("index closed");
        }
    }

    @Test
    void oneAgentAloneIsCalibratedApart() {
        Aggregator a = new Aggregator(Calibration.identity());
        assertThat(a.options(List.of(ok("rag", "nivea", 0.8, "named"))).getFirst().kind())
                .isEqualTo("solo.rag.named");
    }

    @Test
    void calibrationTurnsScoresIntoProbabilitiesPerKind() {
        Calibration c = Calibration.fit(java.util.stream.IntStream.range(0, 100).mapToObj(i ->
                new Calibration.Sample("ner.new.none", 0.8, i < 30)).toList(), Map.of());
        Aggregator a = new Aggregator(c);
        List<Aggregator.Option> options = a.options(List.of(ok("ner", "zab", 0.8, "new"),
                AgentAnswer.abstained("rag", List.of(), null, "none")));
        assertThat(options).hasSize(1);
        assertThat(options.getFirst().kind()).isEqualTo("ner.new.none");
        assertThat(options.getFirst().probability()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void aKnownBrandsCategoryIsItsOwnNotTheNeighboursVote() {
        // A Thai title's neighbours share only a size with it: their category says nothing about a soy milk.
        CategoryGuess milk = new CategoryGuess("Beverages /// Milk", 0.7);
        CategoryGuess pests = new CategoryGuess("Pest Control /// Insecticide", 0.3);
        Fixed ner = new Fixed("ner", AgentAnswer.ok("ner", brand("vitamilk", 0.9), List.of(), milk, "known_thai"), 0);
        Fixed rag = new Fixed("rag", AgentAnswer.abstained("rag", List.of(), pests, "neighbours split"), 0);
        try (OrchestratorEngine e = engine(ner, rag, null)) {
            InferenceResult r = e.infer(InferenceRequest.of("ไวตามิ้ลค์ นมถั่วเหลือง 300มล"), Method.ORCHESTRATOR,
                    Mode.ALL);
            assertThat(r.brand().id()).isEqualTo("vitamilk");
            assertThat(r.category()).isEqualTo(milk);
        }
    }

    private static CategoryGuess categoryOf(List<AgentAnswer> answers, BrandGuess brand) {
        OrchestratorEngine.ChosenCategory c = OrchestratorEngine.category(answers, brand);
        return c == null ? null : c.guess();
    }

    @Test
    void withoutAKnownBrandTheCategoryIsTheNeighboursVote() {
        CategoryGuess neighbours = new CategoryGuess("Snacks /// Chips", 0.6);
        CategoryGuess nersOwn = new CategoryGuess("Beverages", 0.5);
        AgentAnswer rag = AgentAnswer.abstained("rag", List.of(), neighbours, "split");
        BrandGuess newBrand = new BrandGuess(null, "Zab", List.of("Zab"), 0.8, List.of());
        // A new brand has no products of its own; an abstention has no brand.
        assertThat(categoryOf(List.of(AgentAnswer.ok("ner", newBrand, List.of(), nersOwn, "new"),
                rag), newBrand)).isEqualTo(neighbours);
        assertThat(categoryOf(List.of(AgentAnswer.ok("ner", brand("zab", 0.4), List.of(), nersOwn,
                "new"), rag), null)).isEqualTo(neighbours);
        // Nor does an abstention take the category of the brand it did not answer.
        assertThat(categoryOf(List.of(AgentAnswer.ok("ner", brand("zab", 0.4), List.of(), nersOwn,
                "new"), AgentAnswer.abstained("rag", List.of(), null, "split")), null)).isNull();
        // NER's category is its brand's: the answer's brand being another (the hybrid agent's), it is not used; the
        // hybrid agent's is, from that brand's products (the neighbours that confirmed it, or NER's, passed on).
        BrandGuess other = brand("other", 0.9);
        CategoryGuess hybrids = new CategoryGuess("Household", 0.8);
        OrchestratorEngine.ChosenCategory chosen = OrchestratorEngine.category(List.of(AgentAnswer.ok("ner",
                brand("zab", 0.4), List.of(), nersOwn, "new"), rag,
                AgentAnswer.ok("hybrid", other, List.of(), hybrids, "ner+rag")), other);
        assertThat(chosen.guess()).isEqualTo(hybrids);
        assertThat(chosen.kind()).isEqualTo("category.brand");
        // Retrieval's own vote, with the kind that says whether its neighbours agreed on a brand.
        assertThat(OrchestratorEngine.category(List.of(rag), null).kind()).isEqualTo("category.neighbours.split");
    }

    @Test
    void aNewNameOfWordsTheCatalogWritesKeepsItsOwnCalibrationWhenTheHybridAgentPassesItOn() {
        Aggregator a = new Aggregator(Calibration.identity());
        List<Aggregator.Option> options = a.options(List.of(ok("ner", "clothes", 0.7, "new_words.more"),
                AgentAnswer.abstained("rag", List.of(), null, "split"), ok("hybrid", "clothes", 0.7, "ner_only")));
        assertThat(options).extracting(Aggregator.Option::kind)
                .containsExactlyInAnyOrder("ner.new_words.more.none", "hybrid.ner_only.new_words");
        // A name of its own (new) and another agent's own reason (ner+rag) are not marked.
        assertThat(a.options(List.of(ok("ner", "zab", 0.7, "new"), ok("hybrid", "zab", 0.7, "ner_only"))))
                .extracting(Aggregator.Option::kind).contains("hybrid.ner_only");
        assertThat(a.options(List.of(ok("ner", "zab", 0.7, "new_words"), ok("hybrid", "zab", 0.7, "ner+rag"))))
                .extracting(Aggregator.Option::kind).contains("hybrid.ner+rag");
    }
}
