package io.mli.ner.engine;

import io.mli.common.domain.Span;
import io.mli.common.kb.SalesTalk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that announce a brand: Thai {@code ตรา} ("brand", as in {@code น้ำตาลมะพร้าว ตราอินทรีย์สควีซ}) and
 * {@code แบรนด์}, Indonesian {@code merek}, English {@code brand:}. The name that follows, up to the next space or
 * punctuation, is a brand candidate even when the knowledge base has never seen it. ตรา may stand apart from the name
 * ({@code ครีมเทียมข้นหวาน ตรา ทีพอท}) when it is a word of its own; inside อัตรา ("rate") and มาตรา ("section") it is
 * no marker. An English title may open with ตรา romanised ({@code Tra Maekrua Oyster Sauce}), or put {@code Brand}
 * after the name ({@link #beforeBrandWord}). "Opening" is after any promotion or symbols ({@code 【ลดราคา】 Cow Brand
 * Soap}, {@code 🔥 Cow Brand Soap}): both look at the title with its {@link SalesTalk} blanked, whose offsets are the
 * title's.
 */
final class BrandMarkers {
    private static final Pattern MARKER = Pattern.compile(
            "(?:(?<!อั|มา)ตรา|(?<![\\p{L}\\p{M}])ตรา\\s|แบรนด์|(?<![\\p{L}])(?:merek|brand)\\s*[:：]\\s*"
                    + "|^[^\\p{L}\\p{N}]*Tra\\s+)([\\p{L}\\p{M}\\p{N}'’.&-]{2,40})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A name followed by the English word {@code Brand}, opening the title ({@code Sups Stars Brand Frozen Beef
     * Burgers}, {@code Cow Brand Beauty Soap}) or in brackets ({@code Green Curry Chicken (Chef Cares Brand)}): one to
     * three capitalised words.
     */
    private static final Pattern BEFORE_BRAND = Pattern.compile(
            "(?:^[^\\p{L}\\p{N}]*|\\(\\s*)"
                    + "((?:\\p{Lu}[\\p{L}\\p{M}\\p{N}'’.&-]*\\s+){0,2}\\p{Lu}[\\p{L}\\p{M}\\p{N}'’.&-]*)"
                    + "\\s+(?:Brand|BRAND)\\b");

    /** A name announced by a following {@code Brand}, and the name as written with that word. */
    record Named(Span name, Span written) {
    }

    private BrandMarkers() {
    }

    static List<Named> beforeBrandWord(String title) {
        List<Named> out = new ArrayList<>();
        Matcher m = BEFORE_BRAND.matcher(readable(title));
        while (m.find()) {
            out.add(new Named(Span.of(title, m.start(1), m.end(1)), Span.of(title, m.start(1), m.end())));
        }
        return out;
    }

    /**
     * The title as the patterns read it, offsets unchanged: its promotion blanked, full-width forms as their ASCII
     * ({@code Ｃｏｗ Ｂｒａｎｄ}, as some shops type them).
     */
    private static String readable(String title) {
        char[] s = title.toCharArray();
        for (int i = 0; i < s.length; i++) {
            if (s[i] >= '\uFF01' && s[i] <= '\uFF5E') {
                s[i] = (char) (s[i] - 0xFEE0);
            } else if (s[i] == '\u3000') {
                s[i] = ' ';
            }
        }
        return SalesTalk.blanked(new String(s)); // ［HOT］ is a tag as [HOT] is
    }

    static List<Span> find(String title) {
        List<Span> out = new ArrayList<>();
        Matcher m = MARKER.matcher(readable(title));
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            while (end > start && ".-'’".indexOf(title.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end - start >= 2) {
                out.add(Span.of(title, start, end));
            }
        }
        return out;
    }
}
