package io.mli.common.agent;

import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.InferenceRequest;
import java.util.function.Function;

/** Agents for tests: a name and what to do with a request (answer, check it, throw, wait). */
public final class TestAgents {
    private TestAgents() {
    }

    /** An agent called {@code name} that answers each request with {@code answer}. */
    public static BrandAgent answering(String name, Function<InferenceRequest, AgentAnswer> answer) {
        return new BrandAgent() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AgentAnswer infer(InferenceRequest request) {
                return answer.apply(request);
            }
        };
    }
}
