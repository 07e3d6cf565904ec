package io.mli.cli.finetune;

/** An {@code s3://bucket/prefix} address; the prefix has no leading or trailing slash (and may be empty). */
public record S3Location(String bucket, String prefix) {

    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith("s3://") || uri.length() <= 5) {
            throw new IllegalArgumentException("not an s3://BUCKET/PREFIX address: " + uri);
        }
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("no bucket in " + uri);
        }
        return new S3Location(bucket, prefix);
    }

    /** The key for {@code name} under the prefix. */
    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    public String uri(String name) {
        return "s3://" + bucket + "/" + key(name);
    }
}
