package io.mli.common.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Port: turns a title into a dense vector. Adapters: {@code HashedNgramEmbedder} (the weight-free default), Bedrock
 * (Titan v2, Cohere multilingual) and a user-supplied ONNX model. Every index records {@link #id()} and
 * {@link #dimension()} and refuses vectors from another embedder.
 */
public interface Embedder {

    /** A stable id naming the model and its settings, e.g. {@code hashed-ngram-v2-512}. */
    String id();

    int dimension();

    /** An L2-normalised vector of length {@link #dimension()}. */
    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embed(text));
        }
        return out;
    }
}
