package io.mli.ner.engine;

import io.mli.common.domain.Span;
import io.mli.common.io.CatalogRow;
import io.mli.common.kb.AliasEntry;
import io.mli.common.kb.GazetteerMatch;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.text.BrandKeys;
import io.mli.common.text.Token;
import io.mli.common.text.TokenType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Labels catalog titles for CRF training without a human: the first place the row's brand (or one of its known
 * spellings) stands in the title is {@code BRAND}; sizes, volumes, counts and colours are {@code VARIANT}; words of
 * the row's category path are {@code CATEGORY}; everything else {@code O}. Rows whose brand cannot be found in the
 * title are left out rather than taught as brand-less.
 */
public final class DistantSupervision {
    private static final Set<String> COLOURS = Set.of("black", "white", "red", "blue", "green", "pink", "purple",
            "gold", "silver", "grey", "gray", "yellow", "orange", "brown", "hitam", "putih", "merah", "biru", "hijau",
            "ดำ", "ขาว", "แดง", "น้ำเงิน", "เขียว", "ชมพู", "ม่วง", "ทอง", "เงิน", "เทา", "เหลือง", "ส้ม", "น้ำตาล");

    private DistantSupervision() {
    }

    /** A labelled title, or null when the brand cannot be located in it. */
    record Example(List<Token> tokens, List<String> labels) {
    }

    static Example label(CatalogRow row, List<Token> tokens, KnowledgeBase kb) {
        Span brand = locateBrand(row, kb);
        if (brand == null) {
            return null;
        }
        Set<String> categoryWords = new HashSet<>();
        if (row.category() != null) {
            for (String w : row.category().split("[^\\p{L}\\p{M}\\p{N}]+")) {
                String k = BrandKeys.key(w);
                if (k.length() > 2) {
                    categoryWords.add(k);
                }
            }
        }
        List<String> labels = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            String label;
            if (t.start() >= brand.start() && t.end() <= brand.end()) {
                label = Labels.BRAND;
            } else if (t.type() == TokenType.MEASURE || COLOURS.contains(t.norm())) {
                label = Labels.VARIANT;
            } else if (t.isWord() && categoryWords.contains(stem(BrandKeys.key(t.text())))
                    || categoryWords.contains(BrandKeys.key(t.text()))) {
                label = Labels.CATEGORY;
            } else {
                label = Labels.OTHER;
            }
            labels.add(label);
        }
        return labels.contains(Labels.BRAND) ? new Example(tokens, labels) : null;
    }

    /** The example with its brand tokens (and punctuation left dangling before the rest) taken out. */
    static Example withoutBrand(Example e) {
        List<Token> tokens = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < e.tokens().size(); i++) {
            if (Labels.BRAND.equals(e.labels().get(i))) {
                continue;
            }
            if (tokens.isEmpty() && e.tokens().get(i).type() == TokenType.PUNCT) {
                continue;
            }
            tokens.add(e.tokens().get(i));
            labels.add(e.labels().get(i));
        }
        return tokens.stream().anyMatch(Token::isWord) ? new Example(tokens, labels) : null;
    }

    private static String stem(String k) {
        return k.endsWith("s") && k.length() > 3 ? k.substring(0, k.length() - 1) : k;
    }

    /**
     * The first match of one of the row brand's own spellings, preferring the earliest, then the label itself, then
     * the longest. The label comes before a longer alias at the same place because the label says where the brand
     * ends: a row labelled EST marks "Est" in "Est Cola Zero", though the starter knows Est Cola as a name too.
     */
    public static Span locateBrand(CatalogRow row, KnowledgeBase kb) {
        if (!row.hasBrand()) {
            return null;
        }
        String labelKey = BrandKeys.key(row.brand());
        String brandId = kb.idOfLabel(row.brand());
        GazetteerMatch best = null;
        for (GazetteerMatch m : kb.gazetteer().find(row.title())) {
            AliasEntry a = m.alias();
            if (!a.brandId().equals(brandId) || a.kind() != io.mli.common.kb.AliasKind.NAME) {
                continue;
            }
            if (best == null || m.compactStart() < best.compactStart()
                    || m.compactStart() == best.compactStart() && preferred(m, best, labelKey)) {
                best = m;
            }
        }
        return best == null ? null : best.span();
    }

    private static boolean preferred(GazetteerMatch m, GazetteerMatch than, String labelKey) {
        boolean isLabel = m.alias().key().equals(labelKey);
        boolean thanLabel = than.alias().key().equals(labelKey);
        return isLabel != thanLabel ? isLabel : m.length() > than.length();
    }
}
