package io.mli.common.kb;

import io.mli.common.text.BrandKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The brands the product knows, with an index from every name, alias and product line to its brand, and the
 * gazetteer over them. Immutable and thread-safe; build one with {@link KnowledgeBaseBuilder}, save and load it with
 * {@link KnowledgeBaseStore}.
 */
public final class KnowledgeBase {
    private final String version;
    private final Map<String, Brand> byId;
    private final Map<String, List<AliasEntry>> aliasesByBrand;
    private final Gazetteer gazetteer;
    private final Map<String, Object> metadata;

    public KnowledgeBase(String version, Collection<Brand> brands, Collection<AliasEntry> aliases,
                         Map<String, Object> metadata) {
        this.version = version;
        Map<String, Brand> ids = new LinkedHashMap<>();
        for (Brand b : brands) {
            ids.put(b.id(), b);
        }
        this.byId = java.util.Collections.unmodifiableMap(ids);
        Map<String, List<AliasEntry>> perBrand = new LinkedHashMap<>();
        for (AliasEntry a : aliases) {
            if (!ids.containsKey(a.brandId())) {
                throw new IllegalArgumentException("alias " + a.surface() + " names unknown brand " + a.brandId());
            }
            perBrand.computeIfAbsent(a.brandId(), k -> new ArrayList<>()).add(a);
        }
        this.aliasesByBrand = java.util.Collections.unmodifiableMap(perBrand);
        this.gazetteer = new Gazetteer(aliases);
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public String version() {
        return version;
    }

    public Collection<Brand> brands() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    public Optional<Brand> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /**
     * The id of the brand a catalog label names: the label's key where that is a brand's id, else the brand that has
     * the label among its names (the builder folds a catalog's rarer label of a brand into the commoner one: Western
     * Digital into WD), else the key itself.
     */
    public String idOfLabel(String label) {
        String key = BrandKeys.key(label);
        if (byId.containsKey(key)) {
            return key;
        }
        return byName(label).map(Brand::id).orElse(key);
    }

    /** The brand one of whose names or aliases has this name's matching key (the most reliable one if several). */
    public Optional<Brand> byName(String name) {
        List<AliasEntry> entries = gazetteer.lookup(BrandKeys.key(name));
        return entries.stream()
                .filter(e -> e.kind() == AliasKind.NAME)
                .max(java.util.Comparator.comparingDouble(AliasEntry::precision).thenComparingInt(AliasEntry::seen))
                .flatMap(e -> byId(e.brandId()));
    }

    public List<AliasEntry> aliases(String brandId) {
        return aliasesByBrand.getOrDefault(brandId, List.of());
    }

    public List<AliasEntry> allAliases() {
        List<AliasEntry> all = new ArrayList<>();
        aliasesByBrand.values().forEach(all::addAll);
        return all;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Build facts: source catalog, counts, embedder id, and anything else the builder recorded. */
    public Map<String, Object> metadata() {
        return metadata;
    }
}
