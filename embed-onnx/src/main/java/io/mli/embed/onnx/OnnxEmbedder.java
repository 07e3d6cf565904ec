package io.mli.embed.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.mli.common.embed.Embedder;
import io.mli.common.embed.Embedders;
import io.mli.common.embed.EmbeddingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A user-supplied ONNX sentence-embedding model (for instance an exported multilingual-e5-small) with its Hugging
 * Face {@code tokenizer.json}. The model takes {@code input_ids} and {@code attention_mask} (and
 * {@code token_type_ids} if it declares it), int64 {@code [batch, sequence]}; its first output is either token
 * states {@code [batch, sequence, hidden]}, mean-pooled over the attention mask here, or an already pooled
 * {@code [batch, hidden]}. Vectors are L2-normalised.
 *
 * <p>The id is {@code onnx/<file name>/<first 12 hex of the model's SHA-256>/<dimension>}, so an index refuses a
 * different model even under the same file name. Tokenisation never reaches the network (the tokenizer is read from
 * the given file only). Set {@code DJL_CACHE_DIR} to a writable directory on read-only file systems: DJL extracts its
 * native library there. Thread-safe: ONNX Runtime sessions and DJL tokenizers may be shared.
 */
public final class OnnxEmbedder implements Embedder, AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTokenTypes;
    private final String outputName;
    private final int dimension;
    private final String id;

    /** Options: the longest token sequence kept and ONNX Runtime's intra-op threads (1 suits a 2-vCPU task). */
    public record Options(int maxTokens, int intraOpThreads) {
        public static final Options DEFAULT = new Options(128, 1);
    }

    private OnnxEmbedder(Path model, Path tokenizerJson, Options options) throws OrtException, IOException {
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1);
            this.session = env.createSession(model.toString(), so);
        }
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            if (!inputs.containsKey("input_ids") || !inputs.containsKey("attention_mask")) {
                throw new EmbeddingException("ONNX model " + model + " must take input_ids and attention_mask; it takes "
                        + inputs.keySet());
            }
            this.wantsTokenTypes = inputs.containsKey("token_type_ids");
            Map.Entry<String, NodeInfo> output = session.getOutputInfo().entrySet().iterator().next();
            this.outputName = output.getKey();
            long[] shape = ((TensorInfo) output.getValue().getInfo()).getShape();
            this.tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson)
                    .optMaxLength(options.maxTokens()).optTruncation(true).optPadding(false).build();
            long hidden = shape[shape.length - 1];
            // A symbolic last dimension (-1) is resolved by embedding a probe text once.
            this.dimension = hidden > 0 ? (int) hidden : run("a").length;
            this.id = "onnx/" + model.getFileName() + "/" + sha256(model).substring(0, 12) + "/" + dimension;
        } catch (RuntimeException | OrtException | IOException e) {
            session.close();
            throw e;
        }
    }

    /** Loads the model and its tokenizer; fails with a clear message when either is missing or unusable. */
    public static OnnxEmbedder open(Path model, Path tokenizerJson, Options options) {
        for (Path p : new Path[] {model, tokenizerJson}) {
            if (!Files.isRegularFile(p)) {
                throw new EmbeddingException("no such file: " + p);
            }
        }
        try {
            return new OnnxEmbedder(model, tokenizerJson, options);
        } catch (OrtException | IOException e) {
            throw new EmbeddingException("cannot load ONNX model " + model + " with tokenizer " + tokenizerJson + ": "
                    + e.getMessage(), e);
        }
    }

    public static OnnxEmbedder open(Path model, Path tokenizerJson) {
        return open(model, tokenizerJson, Options.DEFAULT);
    }

    /** Loads {@code model.onnx} and {@code tokenizer.json} from one directory. */
    public static OnnxEmbedder openDirectory(Path dir) {
        return open(dir.resolve("model.onnx"), dir.resolve("tokenizer.json"));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        float[] v = run(text == null ? "" : text);
        if (v.length != dimension) {
            throw new EmbeddingException("ONNX model " + id + " returned " + v.length + " dimensions");
        }
        Embedders.normalise(v);
        return v;
    }

    private float[] run(String text) {
        Encoding enc = tokenizer.encode(text);
        long[] ids = enc.getIds();
        long[] mask = enc.getAttentionMask();
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> in = new HashMap<>();
        try {
            in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(enc.getTypeIds()), shape));
            }
            try (OrtSession.Result result = session.run(in, java.util.Set.of(outputName))) {
                Object value = result.get(0).getValue();
                if (value instanceof float[][][] states) {
                    return meanPool(states[0], mask);
                }
                if (value instanceof float[][] pooled) {
                    return pooled[0];
                }
                throw new EmbeddingException("ONNX model output " + outputName + " is neither [batch, seq, hidden] "
                        + "nor [batch, hidden] floats");
            }
        } catch (OrtException e) {
            throw new EmbeddingException("ONNX model " + id + " failed: " + e.getMessage(), e);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    /** The mean of the token states where the attention mask is 1 (padding and nothing else excluded). */
    static float[] meanPool(float[][] states, long[] mask) {
        float[] out = new float[states[0].length];
        int n = 0;
        for (int t = 0; t < states.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            n++;
            for (int d = 0; d < out.length; d++) {
                out[d] += states[t][d];
            }
        }
        if (n > 0) {
            for (int d = 0; d < out.length; d++) {
                out[d] /= n;
            }
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new EmbeddingException("cannot close ONNX session", e);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
