package io.mli.common.store;

/** Rules every adapter applies to keys, so a key that works on one store works on the other. */
public final class ObjectKeys {
    private ObjectKeys() {
    }

    /** Returns {@code key} if it is a relative {@code /}-separated path without empty, {@code .} or {@code ..} parts. */
    public static String check(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")) {
            throw new IllegalArgumentException("bad object key: " + key);
        }
        for (String part : key.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("bad object key: " + key);
            }
        }
        return key;
    }
}
