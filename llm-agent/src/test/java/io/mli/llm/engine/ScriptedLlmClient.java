package io.mli.llm.engine;

import io.mli.common.llm.LlmClient;
import io.mli.common.llm.LlmException;
import io.mli.common.llm.LlmRequest;
import io.mli.common.llm.LlmResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A provider stand-in for engine logic tests: answers from a script and remembers every request. */
final class ScriptedLlmClient implements LlmClient {
    final List<LlmRequest> requests = new ArrayList<>();
    private final Function<LlmRequest, LlmResponse> script;

    ScriptedLlmClient(Function<LlmRequest, LlmResponse> script) {
        this.script = script;
    }

    static ScriptedLlmClient answering(String json) {
        return new ScriptedLlmClient(r -> new LlmResponse(json, 300, 20, LlmResponse.COMPLETE, "test-model"));
    }

    static ScriptedLlmClient brand(String brand, double confidence) {
        return answering(BrandPrompt.answer(brand, confidence, brand == null ? "no brand" : brand));
    }

    static ScriptedLlmClient failing(LlmException.Kind kind) {
        return new ScriptedLlmClient(r -> {
            throw new LlmException(kind, "scripted " + kind);
        });
    }

    @Override
    public String id() {
        return "scripted:test-model";
    }

    @Override
    public synchronized LlmResponse complete(LlmRequest request) {
        requests.add(request);
        return script.apply(request);
    }
}
