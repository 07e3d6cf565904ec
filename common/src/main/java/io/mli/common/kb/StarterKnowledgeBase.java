package io.mli.common.kb;

import io.mli.common.io.Json;
import io.mli.common.text.BrandKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The small knowledge base that ships inside the product: well-known brands across electronics, beauty, food and
 * household, with their Thai (and other) spellings and product lines, so that a new user's first request answers
 * sensibly. Merged into every knowledge base {@code mli kb build} makes unless {@code --no-starter}; the user's
 * catalog wins where the two disagree.
 */
public final class StarterKnowledgeBase {
    static final String RESOURCE = "starter-brands.json";

    /** One entry of {@code starter-brands.json}. */
    public record Entry(String name, List<String> aliases, List<String> productLines, List<String> categories) {
        public Entry {
            aliases = aliases == null ? List.of() : aliases;
            productLines = productLines == null ? List.of() : productLines;
            categories = categories == null ? List.of() : categories;
        }
    }

    private static final class Holder {
        static final KnowledgeBase INSTANCE = build();
    }

    private StarterKnowledgeBase() {
    }

    public static KnowledgeBase get() {
        return Holder.INSTANCE;
    }

    public static List<Entry> entries() {
        try (InputStream in = StarterKnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("starter knowledge base resource missing: " + RESOURCE);
            }
            return List.of(Json.MAPPER.readValue(in, Entry[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KnowledgeBase build() {
        List<Brand> brands = new ArrayList<>();
        List<AliasEntry> aliases = new ArrayList<>();
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Entry e : entries()) {
            String id = BrandKeys.key(e.name());
            brands.add(new Brand(id, e.name(), e.aliases(), e.productLines(), e.categories(), 0, "starter"));
            aliases.add(new AliasEntry(id, e.name(), id, AliasKind.NAME, 1.0, 0));
            for (String a : e.aliases()) {
                aliases.add(new AliasEntry(BrandKeys.key(a), a, id, AliasKind.NAME, 1.0, 0));
            }
            for (String p : e.productLines()) {
                aliases.add(new AliasEntry(BrandKeys.key(p), p, id, AliasKind.PRODUCT_LINE, 1.0, 0));
            }
            digest.update(e.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String version = "starter-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        return new KnowledgeBase(version, brands, aliases, Map.of("source", "starter", "brands", brands.size()));
    }
}
