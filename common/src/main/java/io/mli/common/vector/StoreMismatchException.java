package io.mli.common.vector;

/**
 * An existing index or collection was built with another embedder (id or dimension) than the one it is opened with.
 * Mixing them would silently return nonsense neighbours, so stores refuse to open instead.
 */
public final class StoreMismatchException extends IllegalStateException {
    private final String storedEmbedderId;
    private final int storedDimension;

    public StoreMismatchException(String location, String storedEmbedderId, int storedDimension, String embedderId,
                                  int dimension) {
        super("the vector store at " + location + " was built with embedder '" + storedEmbedderId + "' (dimension "
                + storedDimension + ") but is being opened with embedder '" + embedderId + "' (dimension " + dimension
                + "); use the same embedder or rebuild the store (mli kb build)");
        this.storedEmbedderId = storedEmbedderId;
        this.storedDimension = storedDimension;
    }

    public String storedEmbedderId() {
        return storedEmbedderId;
    }

    public int storedDimension() {
        return storedDimension;
    }
}
