package io.mli.common.vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Category paths as the stores index and filter them. A path is written {@code "A /// B /// C"}; stores index the path
 * and every ancestor, so a filter on {@code "A"} or {@code "A /// B"} matches products under it.
 */
public final class Categories {
    public static final String SEPARATOR = " /// ";

    private Categories() {
    }

    /** The canonical form: parts trimmed, empty parts dropped, joined with {@link #SEPARATOR}; null when empty. */
    public static String normalize(String path) {
        if (path == null) {
            return null;
        }
        List<String> parts = parts(path);
        return parts.isEmpty() ? null : String.join(SEPARATOR, parts);
    }

    /** The path and its ancestors, shortest first ({@code A}, {@code A /// B}, {@code A /// B /// C}). */
    public static List<String> prefixes(String path) {
        List<String> parts = parts(path == null ? "" : path);
        List<String> out = new ArrayList<>(parts.size());
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (!sb.isEmpty()) {
                sb.append(SEPARATOR);
            }
            sb.append(part);
            out.add(sb.toString());
        }
        return out;
    }

    private static List<String> parts(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("///")) {
            String t = p.strip().replaceAll("\\s+", " ");
            if (!t.isEmpty()) {
                parts.add(t);
            }
        }
        return parts;
    }
}
