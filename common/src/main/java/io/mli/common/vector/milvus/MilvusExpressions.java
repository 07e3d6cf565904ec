package io.mli.common.vector.milvus;

import io.mli.common.vector.Categories;
import io.mli.common.vector.SearchRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A search's filters as a Milvus boolean expression; the empty string when there are none. */
public final class MilvusExpressions {
    private MilvusExpressions() {
    }

    public static String filter(SearchRequest r) {
        List<String> parts = new ArrayList<>();
        if (r.category() != null) {
            String c = Categories.normalize(r.category());
            parts.add("array_contains(" + MilvusSchema.CATEGORY_PATH + ", " + quote(c == null ? "" : c) + ")");
        }
        if (r.language() != null) {
            parts.add(MilvusSchema.LANGUAGE + " == " + quote(r.language()));
        }
        if (r.brandIds() != null) {
            parts.add(MilvusSchema.BRAND_ID + " in " + list(r.brandIds()));
        }
        if (r.excludeIds() != null) {
            parts.add(MilvusSchema.ID + " not in " + list(r.excludeIds()));
        }
        return String.join(" and ", parts);
    }

    /** A sorted list literal, so that equal filters give equal expressions. */
    static String list(Collection<String> values) {
        return values.stream().sorted().map(MilvusExpressions::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A double-quoted string literal with backslashes and quotes escaped. */
    public static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
