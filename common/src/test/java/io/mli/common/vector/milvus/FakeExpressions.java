package io.mli.common.vector.milvus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the few Milvus expression forms this project writes ({@link MilvusExpressions}, and the SDK's delete by
 * ids), joined with {@code and}: {@code f == "v"}, {@code f in [...]}, {@code f not in [...]},
 * {@code array_contains(f, "v")}. Anything else fails loudly, so a new expression form cannot slip past the tests.
 */
final class FakeExpressions {
    private static final String STR = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern EQ = Pattern.compile("(\\w+) == " + STR);
    private static final Pattern IN = Pattern.compile("(\\w+) (not )?in \\[(.*)]");
    private static final Pattern CONTAINS = Pattern.compile("array_contains\\((\\w+), " + STR + "\\)");
    private static final Pattern ITEM = Pattern.compile(STR);

    private FakeExpressions() {
    }

    static boolean matches(String expr, Map<String, Object> row) {
        if (expr == null || expr.isBlank()) {
            return true;
        }
        for (String clause : expr.split(" and ")) {
            if (!clause(clause.strip(), row)) {
                return false;
            }
        }
        return true;
    }

    private static boolean clause(String c, Map<String, Object> row) {
        Matcher m;
        if ((m = EQ.matcher(c)).matches()) {
            return unescape(m.group(2)).equals(row.get(m.group(1)));
        }
        if ((m = CONTAINS.matcher(c)).matches()) {
            Object v = row.get(m.group(1));
            return v instanceof List<?> l && l.contains(unescape(m.group(2)));
        }
        if ((m = IN.matcher(c)).matches()) {
            boolean in = items(m.group(3)).contains(String.valueOf(row.get(m.group(1))));
            return m.group(2) == null ? in : !in;
        }
        throw new IllegalArgumentException("fake Milvus cannot evaluate: " + c);
    }

    static List<String> items(String list) {
        List<String> out = new ArrayList<>();
        Matcher m = ITEM.matcher(list);
        while (m.find()) {
            out.add(unescape(m.group(1)));
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
