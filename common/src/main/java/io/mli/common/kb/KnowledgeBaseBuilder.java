package io.mli.common.kb;

import io.mli.common.io.CatalogRow;
import io.mli.common.text.BrandKeys;
import io.mli.common.text.TitleTokenizer;
import io.mli.common.text.Token;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a knowledge base from labelled catalog rows: one brand per distinct brand key, its canonical name (the
 * label the catalog uses most), the spellings seen in titles, misspellings mined from titles that do not contain
 * the brand as labelled, the categories its products sit in, and how reliable each surface form is as evidence of
 * its brand. The starter knowledge base is merged in unless turned off; the catalog wins where the two disagree.
 */
public final class KnowledgeBaseBuilder {
    private final List<CatalogRow> rows = new ArrayList<>();
    private boolean starter = true;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    /** Per build: a folded label's key -> the id of the brand it was folded into (Western Digital -> WD). */
    private final Map<String, String> foldedLabels = new HashMap<>();
    /** Per build: the product lines mined from the catalog, as {@code key \0 brand id} (not the starter's). */
    private final java.util.Set<String> minedLines = new java.util.HashSet<>();
    /** Per build: each catalog row's title tokens, line for line with {@code rows}, made once for every step. */
    private List<List<Token>> rowTokens = List.of();

    public KnowledgeBaseBuilder addAll(List<CatalogRow> catalog) {
        rows.addAll(catalog);
        return this;
    }

    public KnowledgeBaseBuilder starter(boolean mergeStarter) {
        this.starter = mergeStarter;
        return this;
    }

    public KnowledgeBaseBuilder metadata(String key, Object value) {
        metadata.put(key, value);
        return this;
    }

    /** Per brand key, what the catalog says. */
    private static final class Group {
        final String key;
        final Map<String, Integer> labels = new HashMap<>();
        final Map<String, Integer> surfaces = new HashMap<>();
        final Map<String, Integer> categories = new HashMap<>();
        int products;

        Group(String key) {
            this.key = key;
        }
    }

    public KnowledgeBase build() {
        foldedLabels.clear();
        minedLines.clear();
        rowTokens = rows.stream().map(r -> TitleTokenizer.tokenize(r.title())).toList();
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> mined = new HashMap<>(); // brand key -> misspelt key -> count
        Map<String, String> minedSurface = new HashMap<>();
        Map<String, Map<String, Integer>> lines = new HashMap<>(); // brand key -> line key -> count
        Map<String, String> lineSurface = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CatalogRow row = rows.get(i);
            if (!row.hasBrand() || NonBrands.isPlaceholder(row.brand())) {
                continue;
            }
            String key = BrandKeys.key(row.brand());
            if (key.isEmpty()) {
                continue;
            }
            Group g = groups.computeIfAbsent(key, Group::new);
            g.products++;
            g.labels.merge(row.brand().strip(), 1, Integer::sum);
            if (row.category() != null && !row.category().isBlank()) {
                g.categories.merge(row.category(), 1, Integer::sum);
            }
            String surface = surfaceOf(row.title(), key);
            if (surface != null) {
                g.surfaces.merge(surface, 1, Integer::sum);
            } else if (!mineMisspelling(row.title(), rowTokens.get(i), key, mined, minedSurface)) {
                mineProductLine(rowTokens.get(i), key, lines, lineSurface);
            }
        }

        Map<String, Brand> brands = new LinkedHashMap<>();
        Map<String, AliasDraft> aliases = new LinkedHashMap<>(); // alias key -> draft (first brand wins)
        for (Group g : groups.values()) {
            String name = mostFrequent(g.labels);
            List<String> names = new ArrayList<>();
            List<String> forms = new ArrayList<>(g.labels.keySet());
            forms.addAll(g.surfaces.keySet());
            forms.sort(Comparator.comparing((String s) -> -(g.labels.getOrDefault(s, 0) + g.surfaces.getOrDefault(s, 0)))
                    .thenComparing(Function.identity()));
            for (String f : forms) {
                if (!f.equals(name) && !names.contains(f)) {
                    names.add(f);
                }
            }
            putAlias(aliases, g.key, name, g.key, AliasKind.NAME);
            for (Map.Entry<String, Integer> m : mined.getOrDefault(g.key, Map.of()).entrySet()) {
                if (!groups.containsKey(m.getKey())) {
                    String surface = minedSurface.get(g.key + "\u0000" + m.getKey());
                    names.add(surface);
                    putAlias(aliases, m.getKey(), surface, g.key, AliasKind.NAME);
                }
            }
            List<String> productLines = new ArrayList<>();
            for (Map.Entry<String, Integer> l : lines.getOrDefault(g.key, Map.of()).entrySet()) {
                if (l.getValue() >= MIN_LINE_SUPPORT && !groups.containsKey(l.getKey())) {
                    String surface = lineSurface.get(l.getKey());
                    productLines.add(surface);
                    putAlias(aliases, l.getKey(), surface, g.key, AliasKind.PRODUCT_LINE);
                    minedLines.add(l.getKey() + "\u0000" + g.key);
                }
            }
            List<Map.Entry<String, Integer>> top = topCategories(g.categories);
            brands.put(g.key, new Brand(g.key, name, names, productLines, top.stream().map(Map.Entry::getKey).toList(),
                    top.stream().map(Map.Entry::getValue).toList(), g.products, "catalog"));
        }
        if (starter) {
            mergeStarter(brands, aliases);
        }
        addAndSpellings(aliases);
        List<AliasEntry> entries = withoutUnreliableLines(withPrecision(aliases), brands);
        metadata.put("brands", brands.size());
        metadata.put("aliases", entries.size());
        metadata.put("catalogRows", rows.size());
        metadata.put("minedMisspellings", mined.values().stream().mapToInt(Map::size).sum());
        metadata.put("starterMerged", starter);
        metadata.put("builtAt", Instant.now().toString());
        return new KnowledgeBase(version(brands.values(), entries), brands.values(), entries, metadata);
    }

    private record AliasDraft(String key, String surface, String brandId, AliasKind kind) {
    }

    private static void putAlias(Map<String, AliasDraft> aliases, String key, String surface, String brandId,
                                 AliasKind kind) {
        aliases.putIfAbsent(key + "\u0000" + brandId, new AliasDraft(key, surface, brandId, kind));
    }

    private void mergeStarter(Map<String, Brand> brands, Map<String, AliasDraft> aliases) {
        java.util.Set<String> catalogKeys = new java.util.HashSet<>();
        aliases.values().forEach(a -> catalogKeys.add(a.key()));
        KnowledgeBase s = StarterKnowledgeBase.get();
        for (Brand b : s.brands()) {
            foldLabelsOfOneBrand(b, brands, aliases);
        }
        Map<String, Brand> catalog = new HashMap<>(brands);
        for (AliasKind kind : AliasKind.values()) {
            for (AliasDraft a : aliases.values()) {
                if (a.kind() == kind) {
                    // A catalog brand is also found by its other names (JOHNSON by "Johnsons"), then by its product
                    // lines (WHISKAS by "Temptations": the catalog labels those WHISKAS), unless one is an id.
                    catalog.putIfAbsent(a.key(), brands.get(a.brandId()));
                }
            }
        }
        Map<String, Map<String, Integer>> openings = openingLabels(s.brands());
        for (Brand b : s.brands()) {
            String twin = catalogTwin(b, catalog);
            String id = twin.equals(b.id()) && !brands.containsKey(twin) ? labelOfItsTitles(b, openings, brands) : twin;
            Brand existing = brands.get(id);
            if (existing == null) {
                brands.put(id, b);
            } else {
                List<String> names = new ArrayList<>(existing.aliases());
                b.allNames().stream().filter(n -> !names.contains(n) && !n.equals(existing.name())).forEach(names::add);
                List<String> lines = new ArrayList<>(existing.productLines());
                b.productLines().stream().filter(l -> !lines.contains(l)).forEach(lines::add);
                brands.put(id, new Brand(id, existing.name(), names, lines, existing.categories(),
                        existing.categoryCounts(), existing.products(),
                        "catalog+starter"));
            }
            for (AliasEntry a : s.aliases(b.id())) {
                // The user's catalog wins: a starter alias that names another catalog brand is dropped.
                boolean conflicts = catalogKeys.contains(a.key()) && !a.key().equals(id)
                        && aliases.keySet().stream().noneMatch(k -> k.equals(a.key() + "\u0000" + id));
                if (!conflicts) {
                    putAlias(aliases, a.key(), a.surface(), id, a.kind());
                }
            }
        }
    }

    /**
     * A catalog that labels one brand by two of its names ({@code WD} on 164 products, {@code Western Digital} on 6;
     * {@code HP} and {@code Hewlett-Packard}) would otherwise hold two brands, and a title naming the rarer label
     * would get the brand without the name most of the catalog uses. When a starter brand's names are labels of
     * several catalog brands, those are one brand: the labels with fewer products become names of the one with the
     * most, with their products, categories and aliases. Only labels are compared, never product lines: the
     * catalog brand a starter product line names stays a brand of its own.
     */
    private void foldLabelsOfOneBrand(Brand starter, Map<String, Brand> brands, Map<String, AliasDraft> aliases) {
        List<Brand> labelled = new ArrayList<>(); // catalog brands only: the starter's are merged after the folds
        for (String name : starter.allNames()) {
            Brand c = brands.get(BrandKeys.key(name));
            if (c != null && !labelled.contains(c)) {
                labelled.add(c);
            }
        }
        if (labelled.size() < 2) {
            return;
        }
        labelled.sort(Comparator.comparingInt((Brand b) -> -b.products()).thenComparing(Brand::id));
        Brand into = labelled.getFirst();
        for (Brand other : labelled.subList(1, labelled.size())) {
            into = fold(other, into);
            brands.remove(other.id());
            foldedLabels.put(other.id(), into.id());
            for (AliasDraft a : List.copyOf(aliases.values())) {
                if (a.brandId().equals(other.id())) {
                    aliases.remove(a.key() + "\u0000" + other.id());
                    putAlias(aliases, a.key(), a.surface(), into.id(), a.kind());
                    if (minedLines.remove(a.key() + "\u0000" + other.id())) {
                        minedLines.add(a.key() + "\u0000" + into.id());
                    }
                }
            }
        }
        brands.put(into.id(), into);
    }

    /** {@code into} with {@code other}'s names, product lines, products and category counts added. */
    private static Brand fold(Brand other, Brand into) {
        List<String> names = new ArrayList<>(into.aliases());
        other.allNames().stream().filter(n -> !n.equals(into.name())).forEach(n -> addByKey(names, n));
        List<String> lines = new ArrayList<>(into.productLines());
        other.productLines().forEach(l -> addByKey(lines, l));
        // Each brand keeps its five commonest categories only, so a category sixth in one of them is undercounted.
        Map<String, Integer> categories = new LinkedHashMap<>();
        for (Brand b : List.of(into, other)) {
            for (int i = 0; i < b.categories().size(); i++) {
                categories.merge(b.categories().get(i), i < b.categoryCounts().size() ? b.categoryCounts().get(i) : 0,
                        Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> top = topCategories(categories);
        return new Brand(into.id(), into.name(), names, lines, top.stream().map(Map.Entry::getKey).toList(),
                top.stream().map(Map.Entry::getValue).toList(), into.products() + other.products(), into.source());
    }

    /** Adds {@code name} unless a name with the same matching key is there ({@code Elements}, {@code ELEMENTS}). */
    private static void addByKey(List<String> names, String name) {
        String key = BrandKeys.key(name);
        if (names.stream().noneMatch(n -> BrandKeys.key(n).equals(key))) {
            names.add(name);
        }
    }

    /** A brand's five commonest categories with their product counts, commonest first. */
    private static List<Map.Entry<String, Integer>> topCategories(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).toList();
    }

    /**
     * Names written with "&" are written with "and" too ({@code HEAD&SHOULDER}, {@code Head and Shoulders}): each such
     * name gets its "and" spelling as a name of the same brand.
     */
    private static void addAndSpellings(Map<String, AliasDraft> aliases) {
        for (AliasDraft a : List.copyOf(aliases.values())) {
            if (a.kind() == AliasKind.NAME && a.surface().indexOf('&') > 0) {
                String and = a.surface().replaceAll("\\s*&\\s*", " and ");
                putAlias(aliases, BrandKeys.key(and), and, a.brandId(), AliasKind.NAME);
            }
        }
    }

    /**
     * The catalog brand a starter brand is, when the catalog labels it by another of its names or without its
     * accents (the starter's Western Digital is the catalog's WD, its Nestlé the catalog's NESTLE, its Johnson's the
     * catalog's JOHNSON, written Johnsons there too); the catalog brand with the most products if several; else the
     * starter brand's own id. {@code catalog} has the catalog's brands by id and by their other names. Without this
     * the knowledge base would hold the same brand twice, under two ids.
     */
    private static String catalogTwin(Brand starter, Map<String, Brand> catalog) {
        Brand best = catalog.get(starter.id());
        for (String name : starter.allNames()) {
            String key = BrandKeys.key(name);
            for (String k : List.of(key, BrandKeys.withoutAccents(key))) {
                Brand c = catalog.get(k);
                if (c != null && (best == null || c.products() > best.products())) {
                    best = c;
                }
            }
        }
        return best == null ? starter.id() : best.id();
    }

    /** A starter name must open at least this many catalog titles for their labels to say which brand it is. */
    static final int OPENINGS_JUDGED_AFTER = 3;
    /** The share of those titles one catalog label must have to be taken as the starter brand's. */
    static final double OPENINGS_AGREE = 0.8;

    /**
     * The catalog brand that labels the titles opening with one of a starter brand's names, when the catalog labels
     * them by a name the starter does not know: its parent ({@code Ferrero Rocher …} titles are FERRERO's) or a
     * spelling too far from the starter's to be matched ({@code Cha Tra Mue …} titles are CHA TAR MUA's). The
     * catalog wins, as it does for the starter's aliases; otherwise the two would be separate brands and such titles
     * would be answered with the starter's name and not the label the user's catalog gives them. Needs
     * {@value #OPENINGS_JUDGED_AFTER} titles, {@value #OPENINGS_AGREE} of them one brand's; else the starter's id.
     */
    private String labelOfItsTitles(Brand starter, Map<String, Map<String, Integer>> openings,
                                    Map<String, Brand> brands) {
        Map<String, Integer> labels = new HashMap<>();
        for (String name : starter.allNames()) {
            openings.getOrDefault(BrandKeys.key(name), Map.of()).forEach((l, n) -> labels.merge(l, n, Integer::sum));
        }
        int total = labels.values().stream().mapToInt(Integer::intValue).sum();
        return labels.entrySet().stream()
                .filter(e -> total >= OPENINGS_JUDGED_AFTER && e.getValue() >= OPENINGS_AGREE * total
                        && brands.containsKey(e.getKey()))
                .map(Map.Entry::getKey).findFirst().orElse(starter.id());
    }

    /**
     * For each Latin name of the starter brands, the catalog labels of the titles it opens (as their first one to
     * four words), by the name's matching key. Titles without a brand count for none.
     */
    private Map<String, Map<String, Integer>> openingLabels(java.util.Collection<Brand> starterBrands) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Brand b : starterBrands) {
            for (String name : b.allNames()) {
                if (!io.mli.common.text.Script.hasThai(name)) {
                    keys.add(BrandKeys.key(name));
                }
            }
        }
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            CatalogRow row = rows.get(i);
            if (!row.hasBrand()) {
                continue;
            }
            String label = BrandKeys.key(row.brand());
            label = foldedLabels.getOrDefault(label, label);
            StringBuilder opening = new StringBuilder();
            int words = 0;
            for (Token t : rowTokens.get(i)) {
                if (t.inTag() || t.type() == io.mli.common.text.TokenType.PUNCT) {
                    continue;
                }
                opening.append(BrandKeys.key(t.text()));
                if (keys.contains(opening.toString())) {
                    out.computeIfAbsent(opening.toString(), k -> new HashMap<>()).merge(label, 1, Integer::sum);
                }
                if (++words == 4) {
                    break;
                }
            }
        }
        return out;
    }

    /** Share of catalog titles containing a form whose brand is the form's brand, with a prior of one success. */
    private List<AliasEntry> withPrecision(Map<String, AliasDraft> drafts) {
        List<AliasEntry> provisional = drafts.values().stream()
                .map(d -> new AliasEntry(d.key(), d.surface(), d.brandId(), d.kind(), 1.0, 0)).toList();
        Gazetteer g = new Gazetteer(provisional);
        Map<String, int[]> counts = new HashMap<>(); // key\0brand -> {seen, hits, seen at start, hits at start}
        for (int i = 0; i < rows.size(); i++) {
            CatalogRow row = rows.get(i);
            String rowBrand = row.hasBrand() ? BrandKeys.key(row.brand()) : "";
            rowBrand = foldedLabels.getOrDefault(rowBrand, rowBrand);
            java.util.Set<String> seenHere = new java.util.HashSet<>();
            int firstWord = TitleTokenizer.firstWordStart(rowTokens.get(i));
            for (GazetteerMatch m : g.find(row.title())) {
                String k = m.alias().key() + "\u0000" + m.alias().brandId();
                if (seenHere.add(k)) {
                    int[] c = counts.computeIfAbsent(k, x -> new int[4]);
                    boolean hit = m.alias().brandId().equals(rowBrand);
                    c[0]++;
                    c[1] += hit ? 1 : 0;
                    if (m.span().start() <= firstWord) {
                        c[2]++;
                        c[3] += hit ? 1 : 0;
                    }
                }
            }
        }
        List<AliasEntry> out = new ArrayList<>(provisional.size());
        for (AliasEntry a : provisional) {
            int[] c = counts.getOrDefault(a.key() + "\u0000" + a.brandId(), new int[4]);
            double precision = (c[1] + 1.0) / (c[0] + 1.0);
            double startPrecision = (c[3] + 1.0) / (c[2] + 1.0);
            out.add(new AliasEntry(a.key(), a.surface(), a.brandId(), a.kind(), precision, c[0], startPrecision,
                    c[2]));
        }
        return out;
    }

    /** A product line must have opened at least this many catalog titles to be judged by them. */
    static final int LINE_JUDGED_AFTER = 3;

    /**
     * A mined line in at least this many catalog titles, under {@link #COMMON_WORD_PRECISION} of them its brand's, is
     * a common product word ({@code Organic}: 191 titles, 3 of them SUPER FRESH's). Lines a seller's odd labels
     * taught ({@code SATA} → VAKIND, 28% of 91) stay: where no other brand is named, they were right more often
     * than not on dev, and their calibrated confidence says how often.
     */
    static final int COMMON_WORD_SEEN = 20;
    static final double COMMON_WORD_PRECISION = 0.1;

    /**
     * Mined product lines that do not imply their brand: where the line's word opens a catalog title, the title is
     * mostly another brand's ({@code Promo}, {@code Case}, {@code Flashdisk} opening a few unbranded titles of one
     * brand and many of others); or, wherever it stands, it is in many titles and nearly all of them other brands'
     * ({@code Organic}, which opened two SUPER FRESH titles and is in 188 others). Such a "line" is a product or
     * sales word; it is dropped from the aliases and the brand. The starter's lines stay: accessory titles have
     * {@code iPhone} too, and the starter knows what iPhone is.
     */
    private List<AliasEntry> withoutUnreliableLines(List<AliasEntry> entries, Map<String, Brand> brands) {
        List<AliasEntry> kept = new ArrayList<>(entries.size());
        Map<String, java.util.Set<String>> dropped = new HashMap<>(); // brand id -> line keys
        for (AliasEntry a : entries) {
            boolean mined = minedLines.contains(a.key() + "\u0000" + a.brandId());
            if (mined && (a.startSeen() >= LINE_JUDGED_AFTER && a.startPrecision() < 0.5
                    || a.seen() >= COMMON_WORD_SEEN && a.precision() < COMMON_WORD_PRECISION)) {
                dropped.computeIfAbsent(a.brandId(), k -> new java.util.HashSet<>()).add(a.key());
            } else {
                kept.add(a);
            }
        }
        dropped.forEach((id, keys) -> {
            Brand b = brands.get(id);
            if (b != null) {
                brands.put(id, new Brand(b.id(), b.name(), b.aliases(),
                        b.productLines().stream().filter(l -> !keys.contains(BrandKeys.key(l))).toList(),
                        b.categories(), b.categoryCounts(), b.products(), b.source()));
            }
        });
        metadata.put("unreliableLinesDropped", dropped.values().stream().mapToInt(java.util.Set::size).sum());
        return kept;
    }

    /** The title's own spelling of the brand (e.g. {@code Nivea} for label {@code NIVEA}), or null if absent. */
    static String surfaceOf(String title, String key) {
        io.mli.common.domain.Span s = Gazetteer.locate(title, key);
        return s == null ? null : s.text();
    }

    /**
     * A title that does not name its brand but opens with the same word as other titles of that brand teaches a
     * product line ({@code Temptations} → WHISKAS), kept when seen {@value #MIN_LINE_SUPPORT} times or more.
     */
    private static void mineProductLine(List<Token> tokens, String brandKey, Map<String, Map<String, Integer>> lines,
                                        Map<String, String> lineSurface) {
        for (Token t : tokens) {
            if (t.inTag() || t.type() == io.mli.common.text.TokenType.PUNCT) {
                continue;
            }
            String k = BrandKeys.key(t.text());
            // Sellers open titles with their sales talk (Terbaik, Promo): that is no product line.
            if (t.type() == io.mli.common.text.TokenType.LATIN && k.length() >= 4 && !NonBrands.isPlaceholder(k)
                    && !NonBrands.isSellerTalk(t.text()) && Character.isUpperCase(t.text().charAt(0))) {
                lines.computeIfAbsent(brandKey, x -> new HashMap<>()).merge(k, 1, Integer::sum);
                lineSurface.putIfAbsent(k, t.text());
            }
            return;
        }
    }

    static final int MIN_LINE_SUPPORT = 2;

    /** A title that starts with a near-spelling of its brand ({@code Cornich} for CORNICHE) teaches that spelling. */
    private static boolean mineMisspelling(String title, List<Token> tokens, String key,
                                           Map<String, Map<String, Integer>> mined, Map<String, String> minedSurface) {
        int allowed = Fuzzy.allowedEdits(key.length());
        if (allowed == 0) {
            return false;
        }
        StringBuilder acc = new StringBuilder();
        int start = -1;
        int words = 0;
        for (Token t : tokens) {
            if (t.inTag() || t.type() == io.mli.common.text.TokenType.PUNCT) {
                if (words == 0) {
                    continue;
                }
                if (t.inTag()) {
                    break;
                }
                continue;
            }
            if (!t.isWord() || words >= 4) {
                break;
            }
            if (start < 0) {
                start = t.start();
            }
            acc.append(BrandKeys.key(t.text()));
            words++;
            String candidate = acc.toString();
            if (candidate.length() > key.length() + allowed) {
                break;
            }
            int d = Fuzzy.distance(candidate, key, allowed);
            if (d > 0 && d <= allowed && candidate.charAt(0) == key.charAt(0)) {
                mined.computeIfAbsent(key, k -> new HashMap<>()).merge(candidate, 1, Integer::sum);
                minedSurface.putIfAbsent(key + "\u0000" + candidate, title.substring(start, t.end()));
                return true;
            }
        }
        return false;
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElseThrow();
    }

    private static String version(java.util.Collection<Brand> brands, List<AliasEntry> aliases) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Brand b : brands) {
                d.update(b.toString().getBytes(StandardCharsets.UTF_8));
            }
            for (AliasEntry a : aliases) {
                d.update(a.toString().getBytes(StandardCharsets.UTF_8));
            }
            return "kb-" + HexFormat.of().formatHex(d.digest()).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows grouped by brand key, for callers that need the same grouping (training, calibration splits). */
    public static Map<String, List<CatalogRow>> byBrandKey(List<CatalogRow> rows) {
        return rows.stream().filter(CatalogRow::hasBrand)
                .collect(Collectors.groupingBy(r -> BrandKeys.key(r.brand()), LinkedHashMap::new, Collectors.toList()));
    }
}
