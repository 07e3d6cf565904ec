package io.mli.common.embed;

/** An embedder could not produce a vector (remote model unreachable, bad response, model file unusable). */
public class EmbeddingException extends RuntimeException {
    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
