package io.mli.servicekit.web;

import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;

/** A validated inference request: the title with its hint, {@code top_k} and candidates, and how to answer it. */
public record ParsedInference(InferenceRequest request, Method method, Mode mode) {
}
