package io.mli.common.io;

import java.util.Map;

/**
 * One labelled catalog row: the title, its brand (null or blank when the row has none) and category (may be null),
 * with every field of the input row kept in {@code fields} (in input order) so batch output can pass them through.
 */
public record CatalogRow(long line, String title, String brand, String category, Map<String, Object> fields) {
    public boolean hasBrand() {
        return brand != null && !brand.isBlank();
    }
}
