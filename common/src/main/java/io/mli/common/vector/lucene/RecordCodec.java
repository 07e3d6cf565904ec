package io.mli.common.vector.lucene;

import io.mli.common.vector.ProductRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A product's fields (without the vector) as the bytes of one doc value: a presence flag and UTF string each. */
final class RecordCodec {
    private RecordCodec() {
    }

    static byte[] encode(ProductRecord p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String s : new String[] {p.id(), p.title(), p.brandId(), p.brand(), p.category(), p.language()}) {
                out.writeBoolean(s != null);
                if (s != null) {
                    out.writeUTF(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a field over 64 KB; titles never are
        }
        return bytes.toByteArray();
    }

    static ProductRecord decode(byte[] b, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b, offset, length))) {
            String[] f = new String[6];
            for (int i = 0; i < f.length; i++) {
                f[i] = in.readBoolean() ? in.readUTF() : null;
            }
            return new ProductRecord(f[0], f[1], f[2], f[3], f[4], f[5], null);
        } catch (IOException e) {
            throw new UncheckedIOException("index corrupt: unreadable product record", e);
        }
    }
}
