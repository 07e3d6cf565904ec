package io.mli.embed.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a tiny ONNX model by hand (protobuf wire format, no ONNX library needed): a word-embedding table looked up
 * with {@code Gather}, i.e. {@code last_hidden_state[b, t, :] = table[input_ids[b, t], :]}, plus the matching
 * WordLevel {@code tokenizer.json}. Small enough to reason about: the pooled vector of a title is the mean of its
 * words' rows.
 */
final class TinyOnnxModel {
    static final List<String> VOCAB = List.of("[UNK]", "nivea", "cream", "soft", "mama", "noodles", "นม");
    /** One row per word; nivea/cream/soft point one way, mama/noodles another. */
    static final float[][] TABLE = {
            {0, 0, 0, 1},
            {1, 0.2f, 0, 0},
            {0.9f, 0.3f, 0, 0},
            {0.8f, 0.1f, 0.1f, 0},
            {0, 0, 1, 0.2f},
            {0, 0.1f, 0.9f, 0.1f},
            {0, 1, 0, 0}};

    private TinyOnnxModel() {
    }

    static void write(Path model, Path tokenizer) throws IOException {
        Files.write(model, model());
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < VOCAB.size(); i++) {
            vocab.append(i == 0 ? "" : ",").append('"').append(VOCAB.get(i)).append("\":").append(i);
        }
        Files.writeString(tokenizer, """
                {"version":"1.0","truncation":null,"padding":null,
                 "added_tokens":[{"id":0,"content":"[UNK]","single_word":false,"lstrip":false,"rstrip":false,
                                  "normalized":false,"special":true}],
                 "normalizer":{"type":"Lowercase"},
                 "pre_tokenizer":{"type":"Whitespace"},
                 "post_processor":null,"decoder":null,
                 "model":{"type":"WordLevel","vocab":{%s},"unk_token":"[UNK]"}}
                """.formatted(vocab));
    }

    private static byte[] model() {
        int vocab = TABLE.length;
        int hidden = TABLE[0].length;
        ByteBuffer raw = ByteBuffer.allocate(vocab * hidden * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : TABLE) {
            for (float x : row) {
                raw.putFloat(x);
            }
        }
        byte[] table = new Pb().varint(1, vocab).varint(1, hidden).varint(2, 1 /* FLOAT */)
                .string(8, "table").bytes(9, raw.array()).build();
        byte[] gather = new Pb().string(1, "table").string(1, "input_ids").string(2, "last_hidden_state")
                .string(3, "lookup").string(4, "Gather").build();
        byte[] graph = new Pb().message(1, gather).string(2, "tiny").message(5, table)
                .message(11, valueInfo("input_ids", 7 /* INT64 */, "batch", "seq"))
                .message(11, valueInfo("attention_mask", 7, "batch", "seq"))
                .message(12, valueInfo("last_hidden_state", 1, "batch", "seq", hidden))
                .build();
        byte[] opset = new Pb().string(1, "").varint(2, 13).build();
        return new Pb().varint(1, 8 /* IR version */).string(2, "mli-test").message(7, graph).message(8, opset)
                .build();
    }

    private static byte[] valueInfo(String name, int elemType, Object... dims) {
        Pb shape = new Pb();
        for (Object d : dims) {
            shape.message(1, d instanceof Integer n ? new Pb().varint(1, n).build()
                    : new Pb().string(2, (String) d).build());
        }
        byte[] tensor = new Pb().varint(1, elemType).message(2, shape.build()).build();
        byte[] type = new Pb().message(1, tensor).build();
        return new Pb().string(1, name).message(2, type).build();
    }

    /** Just enough protobuf: varints and length-delimited fields. */
    private static final class Pb {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pb varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        Pb bytes(int field, byte[] b) {
            raw((long) field << 3 | 2);
            raw(b.length);
            out.writeBytes(b);
            return this;
        }

        Pb string(int field, String s) {
            return bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        Pb message(int field, byte[] m) {
            return bytes(field, m);
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] build() {
            return out.toByteArray();
        }
    }
}
