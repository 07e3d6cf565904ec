package io.mli.common.vector;

/** Vector checks shared by the stores, so that both refuse the same inputs with the same message. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * A unit-length copy of {@code v} after checking its dimension against the store's; the zero vector stays zero.
     *
     * @throws IllegalArgumentException when the dimension differs, or a component is not finite
     */
    public static float[] checkedUnit(float[] v, int dimension, String embedderId) {
        if (v.length != dimension) {
            throw new IllegalArgumentException("vector has dimension " + v.length + " but the store holds "
                    + dimension + "-dimensional vectors of embedder '" + embedderId
                    + "'; embed with the same embedder as the index, or rebuild the index");
        }
        double sum = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("vector has a non-finite component (" + x + ")");
            }
            sum += (double) x * x;
        }
        float[] out = v.clone();
        if (sum > 0 && Math.abs(sum - 1.0) > 1e-6) {
            float inv = (float) (1.0 / Math.sqrt(sum));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
