package io.mli.servicekit.web;

import io.mli.common.api.BatchBody;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.LanguageHint;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Validates the public request body field by field, so each mistake gets its own precise problem: 400 for a missing,
 * blank, too long or control-character-only {@code product_name}, for wrong field types and out-of-range
 * {@code top_k}; 422 for an unknown {@code method}, {@code mode} or {@code language_hint}. Unknown fields are ignored,
 * so newer clients keep working. Hand-written (rather than bean validation) because the messages matter here.
 */
public final class RequestParser {
    public static final int MAX_TOP_K = 10;

    private RequestParser() {
    }

    /** A single request body ({@code POST /inference}, {@code /infer}). */
    public static ParsedInference parse(JsonNode body) {
        requireObject(body, "the request body");
        return parseItem(body, null, "");
    }

    /** A batch body's items, each parsed on its own; a broken item is an error for that item only. */
    public static List<BatchEntry> parseBatch(JsonNode body) {
        requireObject(body, "the request body");
        JsonNode items = body.get("items");
        if (items == null || items.isNull()) {
            throw ApiException.badRequest("items is required: an array of {\"id\"?, \"product_name\"} objects");
        }
        if (!items.isArray()) {
            throw ApiException.badRequest("items must be an array, not " + kind(items));
        }
        if (items.size() > BatchBody.MAX_ITEMS) {
            throw ApiException.badRequest("a batch has at most " + BatchBody.MAX_ITEMS + " items; this one has "
                    + items.size());
        }
        // Top-level fields are the items' defaults; a bad default is the whole batch's error.
        Defaults defaults = new Defaults(
                hint(body.get("language_hint"), "language_hint", null),
                method(body.get("method"), "method", null),
                mode(body.get("mode"), "mode", null),
                topK(body.get("top_k"), "top_k", 0));
        List<BatchEntry> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String id = item != null && item.isObject() && item.get("id") != null && !item.get("id").isNull()
                    ? item.get("id").asString() : null;
            try {
                requireObject(item, "items[" + i + "]");
                out.add(new BatchEntry(i, id, parseItem(item, defaults, "items[" + i + "]."), null));
            } catch (ApiException e) {
                out.add(new BatchEntry(i, id, null, e));
            }
        }
        return out;
    }

    /** One batch item: its position, the caller's id, and either its parsed request or its error. */
    public record BatchEntry(int index, String id, ParsedInference parsed, ApiException error) {
    }

    private record Defaults(LanguageHint hint, Method method, Mode mode, int topK) {
    }

    private static ParsedInference parseItem(JsonNode node, Defaults d, String where) {
        String title = title(node, where);
        LanguageHint hint = hint(node.get("language_hint"), where + "language_hint", d == null ? null : d.hint());
        Method method = method(node.get("method"), where + "method", d == null ? null : d.method());
        Mode mode = mode(node.get("mode"), where + "mode", d == null ? null : d.mode());
        int topK = topK(node.get("top_k"), where + "top_k", d == null ? 0 : d.topK());
        return new ParsedInference(new InferenceRequest(title, hint, topK, List.of()), method, mode);
    }

    static String title(JsonNode node, String where) {
        String field = "product_name";
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            field = "title";
            v = node.get(field);
        }
        if (v == null || v.isNull()) {
            throw ApiException.badRequest(where + "product_name is required (\"title\" is accepted too)");
        }
        if (!v.isString()) {
            throw ApiException.badRequest(where + field + " must be a string, not " + kind(v));
        }
        String title = v.stringValue();
        if (title.isBlank()) {
            throw ApiException.badRequest(where + field + " is blank");
        }
        if (title.length() > InferenceRequest.MAX_TITLE_CHARS) {
            throw ApiException.badRequest(where + field + " has " + title.length() + " characters; the limit is "
                    + String.format(Locale.ROOT, "%,d", InferenceRequest.MAX_TITLE_CHARS));
        }
        if (title.codePoints().allMatch(RequestParser::isControlOrSpace)) {
            throw ApiException.badRequest(where + field + " has only control characters and spaces");
        }
        return title;
    }

    private static boolean isControlOrSpace(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    private static LanguageHint hint(JsonNode v, String field, LanguageHint dflt) {
        String s = optionalString(v, field);
        if (s == null) {
            return dflt == null ? LanguageHint.AUTO : dflt;
        }
        try {
            return LanguageHint.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("unknown " + field + " '" + s + "'; expected one of auto, en, th, mixed");
        }
    }

    private static Method method(JsonNode v, String field, Method dflt) {
        String s = optionalString(v, field);
        if (s == null) {
            return dflt == null ? Method.ORCHESTRATOR : dflt;
        }
        try {
            return Method.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
    }

    private static Mode mode(JsonNode v, String field, Mode dflt) {
        String s = optionalString(v, field);
        if (s == null) {
            return dflt == null ? Mode.CASCADE : dflt;
        }
        try {
            return Mode.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
    }

    private static int topK(JsonNode v, String field, int dflt) {
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ApiException.badRequest(field + " must be an integer from 1 to " + MAX_TOP_K + ", not "
                    + kind(v));
        }
        int k = v.intValue();
        if (k < 1 || k > MAX_TOP_K) {
            throw ApiException.badRequest(field + " must be from 1 to " + MAX_TOP_K + "; got " + k);
        }
        return k;
    }

    private static String optionalString(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw ApiException.badRequest(field + " must be a string, not " + kind(v));
        }
        return v.stringValue().isBlank() ? null : v.stringValue();
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(what + " must be a JSON object, not " + kind(node));
        }
    }

    static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isString()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        return v.isObject() ? "an object" : "a " + v.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
