package io.mli.common.vector.milvus;

/** Milvus cannot be reached (or keeps failing with transient errors); the store recovers by itself when it returns. */
public final class MilvusUnavailableException extends RuntimeException {
    public MilvusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public MilvusUnavailableException(String message) {
        super(message);
    }
}
