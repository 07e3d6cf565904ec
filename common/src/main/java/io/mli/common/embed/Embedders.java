package io.mli.common.embed;

import java.net.URI;
import java.util.Map;

/**
 * Helpers shared by the embedders, and the choice of embedder from configuration.
 *
 * <p>{@code MLI_EMBEDDER} selects one: unset or {@code hashed} (the weight-free default, {@code hashed-ngram-v2-384});
 * {@code hashed:<dim>}; {@code bedrock:<model id>[:<dim>]} (Titan v2 or Cohere multilingual, region from
 * {@code AWS_DEFAULT_REGION}, endpoint from {@code BEDROCK_ENDPOINT_URL}). ONNX models live in the optional
 * {@code embed-onnx} module and are built there ({@code io.mli.embed.onnx.OnnxEmbedder.open}).
 */
public final class Embedders {
    private Embedders() {
    }

    /** The default embedder: {@link HashedNgramEmbedder} with {@link HashedNgramEmbedder#DEFAULT_DIMENSION}. */
    public static Embedder defaultEmbedder() {
        return new HashedNgramEmbedder();
    }

    /** Scales {@code v} in place to unit length; the zero vector stays zero. */
    public static void normalise(float[] v) {
        HashedNgramEmbedder.normalise(v);
    }

    /** The embedder named by {@code MLI_EMBEDDER} in {@code env} (see the class comment). */
    public static Embedder fromEnvironment(Map<String, String> env) {
        return fromSpec(env.get("MLI_EMBEDDER"), env);
    }

    /** The embedder named by {@code spec} (see the class comment); null or blank means the default. */
    public static Embedder fromSpec(String spec, Map<String, String> env) {
        if (spec == null || spec.isBlank() || spec.equals("hashed")) {
            return defaultEmbedder();
        }
        if (spec.startsWith("hashed:")) {
            return new HashedNgramEmbedder(Integer.parseInt(spec.substring("hashed:".length())));
        }
        if (spec.startsWith("bedrock:")) {
            String rest = spec.substring("bedrock:".length());
            // Model ids contain ':' themselves (amazon.titan-embed-text-v2:0, a version): a trailing ':<n>' is the
            // dimension only when n is at least 16.
            int dim = 1024;
            int last = rest.lastIndexOf(':');
            if (last > 0 && rest.substring(last + 1).matches("\\d+")
                    && Integer.parseInt(rest.substring(last + 1)) >= 16) {
                dim = Integer.parseInt(rest.substring(last + 1));
                rest = rest.substring(0, last);
            }
            String endpoint = env.get("BEDROCK_ENDPOINT_URL");
            return BedrockEmbedder.of(rest, dim, env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"),
                    endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint));
        }
        throw new IllegalArgumentException("unknown embedder '" + spec
                + "' (expected hashed, hashed:<dim> or bedrock:<model id>[:<dim>])");
    }
}
