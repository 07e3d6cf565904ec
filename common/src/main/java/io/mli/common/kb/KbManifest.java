package io.mli.common.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a published knowledge-base version holds: every file with its size and SHA-256. It is uploaded after the
 * files, and a loader downloads exactly these and checks them, so a version is used whole or not at all (and no
 * {@code s3:ListBucket} is needed to load it).
 *
 * @param format      manifest format
 * @param kbVersion   the {@code version} of the knowledge base's {@code kb.json}
 * @param publishedAt when it was published (ISO-8601, UTC)
 * @param files       relative paths ({@code /}-separated), sizes and digests
 */
public record KbManifest(int format, String kbVersion, String publishedAt, List<Entry> files) {

    /** The manifest's key inside a version. */
    public static final String FILE_NAME = "manifest.json";
    static final int FORMAT = 1;

    public KbManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One file of the version. */
    public record Entry(String path, long size, String sha256) {
    }

    /** SHA-256 of a file, hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
