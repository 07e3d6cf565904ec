package io.mli.common.vector;

/**
 * A catalog product as the vector stores hold it. {@code vector} may be null on search results (stores need not
 * return it).
 */
public record ProductRecord(String id, String title, String brandId, String brand, String category, String language,
                            float[] vector) {
    public ProductRecord withoutVector() {
        return new ProductRecord(id, title, brandId, brand, category, language, null);
    }
}
