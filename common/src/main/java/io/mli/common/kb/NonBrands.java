package io.mli.common.kb;

import io.mli.common.text.BrandKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Words sellers put where a brand would be when there is none: {@code Generic}, {@code No Brand}, {@code OEM},
 * Indonesian {@code Tanpa Merek}, Thai {@code ไม่มียี่ห้อ}. They are never answered as brands, and catalog rows
 * labelled with them are treated as having no brand.
 */
public final class NonBrands {
    private static final Set<String> KEYS = Set.of("generic", "nobrand", "noname", "oem", "odm", "unbranded",
            "universal", "tanpamerek", "nonbrand", "other", "others", "none", "na", "unknown", "assorted", "various",
            "ไม่มียี่ห้อ", "ไม่ระบุยี่ห้อ", "ไม่ระบุ", "ทั่วไป", "brand", "brandless", "nn");

    /** Words that name a seller, not a maker: a name with one of them is a shop ({@code SYF-Shop}). */
    private static final Set<String> SELLER = Set.of("shop", "store", "toko", "seller", "penjual", "official",
            "olshop", "onlineshop", "ร้าน");
    /**
     * Sellers' sales talk in Indonesian and English marketplace titles ({@code Penjual Terbaik} "best seller",
     * {@code Baru} "new", {@code Termurah} "cheapest", {@code New Arrival}) and the descriptions they open titles
     * with ({@code Handmade}, {@code Wireless}): a name made of nothing else is no brand.
     */
    private static final Set<String> SALES_TALK = Set.of("terbaik", "termurah", "murah", "promo", "baru", "baik",
            "bagus", "ready", "readystock", "stock", "stok", "original", "ori", "asli", "garansi", "resmi", "grosir",
            "diskon", "sale", "hot", "best", "bestseller", "new", "free", "gratis", "portabel", "portable",
            "berkualitas", "kualitas", "cod", "import", "impor", "limited", "edition", "premium", "arrival",
            // what the product is like, where a brand would stand ("Handmade Soy Candle", "Wireless Earbuds")
            "handmade", "homemade", "replacement", "wireless", "rechargeable", "waterproof");

    /**
     * Words that join others ({@code The}, {@code for}, Indonesian {@code untuk} "for", Vietnamese {@code của} "of"):
     * a brand may have them ({@code The Body Shop}) but is never only them.
     */
    private static final Set<String> FUNCTION_WORDS = Stream.of("the", "a", "an", "and", "of", "for", "with", "in",
            "on", "by", "to", "from", "or", "de", "la", "le", "el", "di", "dan", "untuk", "dengan", "yang", "và",
            "của", "cho", "với").map(BrandKeys::key).collect(Collectors.toUnmodifiableSet());

    private NonBrands() {
    }

    /** Whether a word, as written or normalised, is a function word ({@code the}, {@code for}, {@code dengan}). */
    public static boolean isFunctionWord(String word) {
        return word != null && FUNCTION_WORDS.contains(BrandKeys.key(word));
    }

    /** Whether a name is made only of function words ({@code The}, {@code for the}): no brand is. */
    public static boolean isOnlyFunctionWords(String name) {
        if (name == null) {
            return false;
        }
        List<String> keys = wordKeys(name);
        return !keys.isEmpty() && FUNCTION_WORDS.containsAll(keys);
    }

    public static boolean isPlaceholder(String name) {
        return name == null || KEYS.contains(BrandKeys.key(name));
    }

    /**
     * Whether a name the knowledge base does not know is a seller's or its sales talk rather than a brand: it has a
     * seller word in it, or is made only of sales talk. Only for new names: a known brand may well be called
     * ECO STORE.
     */
    public static boolean isSellerTalk(String name) {
        if (name == null) {
            return false;
        }
        List<String> keys = wordKeys(name);
        return keys.stream().anyMatch(SELLER::contains) || !keys.isEmpty() && SALES_TALK.containsAll(keys);
    }

    /** The matching keys of a name's words, in order, leaving out what has none (punctuation). */
    private static List<String> wordKeys(String name) {
        return Arrays.stream(name.split("[^\\p{L}\\p{M}\\p{N}]+")).map(BrandKeys::key).filter(k -> !k.isEmpty())
                .toList();
    }
}
