package io.mli.common.kb;

import io.mli.common.domain.Span;
import io.mli.common.text.NormalizedText;
import io.mli.common.text.Script;
import io.mli.common.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every known surface form of every brand in a title: a dictionary match over the title's compact form (see
 * {@link CompactText}) at word edges, so spacing, punctuation and case do not matter ({@code Dr.Althea} = {@code DR
 * ALTHEA}) and Thai, which has no spaces, matches inside runs of text. Immutable and thread-safe.
 */
public final class Gazetteer {
    /** Shorter keys match too much by chance; Latin brands of two letters (HP, LG, 3M) are the common exception. */
    static final int MIN_LATIN_KEY = 2;
    static final int MIN_THAI_KEY = 3;

    /**
     * Thai forms of at least this many characters (tone marks not counted) also match spelt with other tone marks or
     * none. Sellers spell a foreign name's Thai form either way (เซ็นโซดายน์ and เซนโซดายน์ for Sensodyne,
     * ไวตามิ้ลค์ and ไวตามิลค์ for Vitamilk). Shorter forms do not: without their tone marks they are Thai
     * words (เกล็ด "flake" for เกลด, GLADE; เล่ย์ in พาสเล่ย์ "parsley" for เลย์, Lay's) or the start of one
     * (ฟิลา in ฟิลาเดลเฟีย).
     */
    static final int MIN_TONELESS_THAI_KEY = 7;

    /** Thai forms of at least this many characters may end where the dictionary sees no word boundary. */
    static final int MIN_LOOSE_END_THAI_KEY = 7;
    /**
     * The same for a form that opens the title, where shops glue the brand to what the product is
     * ({@code เดทตอลดิสอินเฟคแทนท์สเปรย์}: Dettol disinfectant spray).
     */
    static final int MIN_LOOSE_END_THAI_KEY_OPENING = 5;

    /** The most tone marks a title may write in a Thai form beyond those of its key. */
    static final int MAX_EXTRA_TONE_MARKS = 4;

    private final Map<String, List<AliasEntry>> byKey;
    private final Map<String, List<AliasEntry>> byToneless;
    private final int maxTonelessLength; // the longest toneless key, with the tone marks a title may add
    private final int maxKeyLength;

    public Gazetteer(Collection<AliasEntry> entries) {
        Map<String, List<AliasEntry>> map = new HashMap<>();
        Map<String, List<AliasEntry>> toneless = new HashMap<>();
        int max = 0;
        for (AliasEntry e : entries) {
            if (!matchable(e.key())) {
                continue;
            }
            map.computeIfAbsent(e.key(), k -> new ArrayList<>(1)).add(e);
            String bare = withoutToneMarks(e.key());
            if (bare.length() >= MIN_TONELESS_THAI_KEY && CompactText.isThai(bare.charAt(0))) {
                toneless.computeIfAbsent(bare, k -> new ArrayList<>(1)).add(e);
            }
            max = Math.max(max, e.key().length());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        toneless.replaceAll((k, v) -> List.copyOf(v));
        this.byKey = Map.copyOf(map);
        this.byToneless = Map.copyOf(toneless);
        this.maxTonelessLength = toneless.keySet().stream().mapToInt(String::length).max().orElse(0)
                + MAX_EXTRA_TONE_MARKS;
        this.maxKeyLength = max;
    }

    static boolean matchable(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        boolean thai = CompactText.isThai(key.charAt(0));
        return key.length() >= (thai ? MIN_THAI_KEY : MIN_LATIN_KEY) && !key.chars().allMatch(Character::isDigit);
    }

    /** The entries for one key (a brand name's {@link io.mli.common.text.BrandKeys#key}); empty when none. */
    public List<AliasEntry> lookup(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    public int size() {
        return byKey.size();
    }

    /** Thai tone marks and mai taikhu (the shortening mark, dropped or added as freely). */
    static boolean isToneMark(char c) {
        return Script.isThaiToneMark(c) || c == '\u0E47';
    }

    /** The key with its Thai tone marks and mai taikhu taken out. */
    static String withoutToneMarks(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (isToneMark(key.charAt(i))) {
                StringBuilder b = new StringBuilder(key.length());
                for (int k = 0; k < key.length(); k++) {
                    if (!isToneMark(key.charAt(k))) {
                        b.append(key.charAt(k));
                    }
                }
                return b.toString();
            }
        }
        return key;
    }

    /**
     * Word boundaries of a title by the tokenizer's dictionary word breaker, and where the words it does not know
     * stand ({@link ThaiUnsplitWords}), for checking Thai matches. Made once per title, when it has one to check.
     */
    private static final class ThaiWords {
        private final String title;
        private final java.util.BitSet boundaries;
        private final List<int[]> unsplit;

        ThaiWords(String title) {
            this.title = title;
            boundaries = io.mli.common.text.TitleTokenizer.wordBoundaries(title);
            unsplit = ThaiUnsplitWords.in(title, this::endsAWordAt);
        }

        /** Whether [start, end) starts or ends strictly inside a word the dictionary does not know. */
        boolean cutsAnUnsplitWord(int start, int end) {
            return ThaiUnsplitWords.cut(unsplit, start, end);
        }

        /** True at a word boundary; offsets next to non-Thai text always count. */
        boolean alignedAt(int offset, boolean thaiSide) {
            return !thaiSide || boundaries.get(offset);
        }

        /** Whether a word may end at the offset: a boundary, the title's end, or anything but a Thai letter after it. */
        boolean endsAWordAt(int offset) {
            return boundaries.get(offset) || offset >= title.length() || !Script.isThai(title.charAt(offset));
        }

        /** Whether the dictionary puts a word boundary strictly inside [start, end): it does not know the form. */
        boolean splits(int start, int end) {
            int next = boundaries.nextSetBit(start + 1);
            return next >= 0 && next < end;
        }
    }

    /**
     * Whether a name of initials joined by an ampersand ({@code S&P}, {@code M&M}, {@code U&V}) stands in the title
     * without it ({@code SP}, {@code MM}, {@code UV}). Written so, the letters are something else: a millimetre, UV
     * protection, a seller's code. Of the 36 catalog and dev titles that write such a name's letters bare, none is
     * labelled with it; of those that write the ampersand, most are.
     */
    public static boolean initialsWrittenApart(AliasEntry e, String written) {
        return e.key().length() <= 3 && e.surface().indexOf('&') >= 0 && written.indexOf('&') < 0
                && written.indexOf('\uFF06') < 0;
    }

    /** Where a brand key first stands in the title at word edges, or null. */
    public static Span locate(String title, String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        CompactText ct = CompactText.of(title);
        for (int from = 0; ; ) {
            int i = ct.text.indexOf(key, from);
            if (i < 0) {
                return null;
            }
            int j = i + key.length();
            if (ct.startEdge[i] && ct.endEdge[j]) {
                int start = ct.originStart[i];
                int end = ct.originEnd[j - 1];
                return new Span(start, end, title.substring(start, end));
            }
            from = i + 1;
        }
    }

    /** Every match in the title, overlapping ones included, in order of start then longest first. */
    public List<GazetteerMatch> find(String title) {
        return find(TextNormalizer.normalize(title));
    }

    /** As {@link #find(String)}, for a title the caller has already normalised (it keeps the original). */
    public List<GazetteerMatch> find(NormalizedText normalized) {
        String title = normalized.original();
        CompactText ct = CompactText.of(normalized);
        String s = ct.text;
        int n = s.length();
        List<GazetteerMatch> out = new ArrayList<>();
        ThaiWords thaiWords = null;
        for (int i = 0; i < n; i++) {
            if (!ct.startEdge[i]) {
                continue;
            }
            // A Thai form may stand in the title with tone marks its key lacks.
            int limit = Math.min(n, i + maxKeyLength + (CompactText.isThai(s.charAt(i)) ? MAX_EXTRA_TONE_MARKS : 0));
            for (int j = limit; j > i; j--) {
                if (!ct.endEdge[j]) {
                    continue;
                }
                String key = s.substring(i, j);
                List<AliasEntry> entries = byKey.get(key);
                if (entries == null && j - i >= MIN_TONELESS_THAI_KEY && j - i <= maxTonelessLength
                        && CompactText.isThai(key.charAt(0))) {
                    entries = byToneless.get(withoutToneMarks(key));
                }
                if (entries == null) {
                    continue;
                }
                int start = ct.originStart[i];
                int end = ct.originEnd[j - 1];
                if (CompactText.isThai(s.charAt(i)) || CompactText.isThai(s.charAt(j - 1))) {
                    // Thai has no spaces: a Thai form must also start and end where a dictionary word does, or
                    // เลย์ (Lay's) would match inside บาร์เลย์ (barley). A long form the dictionary does not know
                    // need not end at one: it splits such names where it likes (สมาร์ทฮาร์ท|อาหาร is broken as
                    // สมา|ร์ท|ฮาร์|ทอา|หาร). A form it reads as one word (ซูเปอร์ in ซูเปอร์มาร์เก็ต) must end at one.
                    thaiWords = thaiWords == null ? new ThaiWords(title) : thaiWords;
                    boolean thaiEnd = CompactText.isThai(s.charAt(j - 1));
                    int looseFrom = i == 0 ? MIN_LOOSE_END_THAI_KEY_OPENING : MIN_LOOSE_END_THAI_KEY;
                    if (!thaiWords.alignedAt(start, CompactText.isThai(s.charAt(i)))
                            || !thaiWords.alignedAt(end, thaiEnd) && !(j - i >= looseFrom
                            && thaiWords.splits(start, end))
                            || thaiWords.cutsAnUnsplitWord(start, end)) {
                        continue;
                    }
                }
                Span span = new Span(start, end, title.substring(start, end));
                for (AliasEntry e : entries) {
                    if (!initialsWrittenApart(e, span.text())) {
                        out.add(new GazetteerMatch(e, span, i, j, n));
                    }
                }
            }
        }
        return out;
    }
}
