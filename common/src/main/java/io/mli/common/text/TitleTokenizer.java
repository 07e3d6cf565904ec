package io.mli.common.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a title into tokens with offsets into the original title. Thai, which has no spaces, goes through ICU4J's
 * dictionary word breaker; numbers with units ({@code 250ml}, {@code 16นิ้ว}, {@code SPF50+}) stay whole; tokens in
 * brackets, between hashes or in a hashtag ({@code #ของแท้100%}, up to the next space) are marked as tags.
 * Dictionary breakers split transliterated brand names ({@code นี|เวีย}), so brand matching does not rely on these
 * tokens: the gazetteer matches on characters.
 * Thread-safe.
 */
public final class TitleTokenizer {
    private static final BreakIterator PROTOTYPE = BreakIterator.getWordInstance(new ULocale("th", "TH"));
    private static final Set<String> UNITS = Set.of(
            "ml", "l", "ltr", "cc", "g", "gr", "gm", "kg", "mg", "oz", "lb", "cm", "mm", "m", "inch", "in", "pcs",
            "pc", "pack", "packs", "s", "sheets", "tabs", "caps", "gb", "tb", "mb", "mah", "w", "v", "hz", "mp", "x",
            "มล", "มล.", "ล", "ลิตร", "ก", "กรัม", "กก", "กิโลกรัม", "ซม", "มม", "นิ้ว", "ชิ้น", "ซอง", "ขวด", "กล่อง",
            "แพ็ค", "แพค", "เม็ด", "แผ่น", "ม้วน", "ถุง", "กระป๋อง", "ห่อ", "ลูก", "ฟอง", "ตัว", "คู่", "ชุด", "หลอด");

    private TitleTokenizer() {
    }

    /** Whether a normalised word is a unit of measure or count ({@code ml}, {@code pack}, {@code กรัม}, {@code ชิ้น}). */
    public static boolean isUnit(String norm) {
        return UNITS.contains(norm);
    }

    public static List<Token> tokenize(String title) {
        return tokenize(TextNormalizer.normalize(title));
    }

    public static List<Token> tokenize(NormalizedText nt) {
        String s = nt.text();
        List<int[]> segments = segments(s);
        List<Token> tokens = new ArrayList<>(segments.size());
        int bracketDepth = 0;
        boolean inHash = false;
        int hashtagEnd = -1; // a hashtag (#ส่งฟรี, #JC246-TH) runs to the next space
        for (int k = 0; k < segments.size(); k++) {
            int a = segments.get(k)[0];
            int b = segments.get(k)[1];
            String norm = s.substring(a, b);
            char first = norm.charAt(0);
            if (first == '[' || first == '(' || first == '{' || first == '【' || first == '「'
                    || first == '<' && s.indexOf('>', b) >= 0) { // "< 5%" opens nothing
                bracketDepth++;
            }
            boolean hash = norm.equals("#");
            boolean tag = bracketDepth > 0 || inHash || hash || a < hashtagEnd;
            if (hash) {
                boolean opens = !inHash;
                inHash = opens && pairedHash(s, b);
                if (opens && !inHash && b < s.length() && s.charAt(b) != ' ') {
                    int space = s.indexOf(' ', b);
                    hashtagEnd = space < 0 ? s.length() : space;
                }
            }
            TokenType type = classify(norm);
            boolean spaceBefore = a == 0 || s.charAt(a - 1) == ' ';
            int start = nt.originStart(a);
            int end = nt.originEnd(b);
            tokens.add(new Token(nt.original().substring(start, end), norm, start, end, type, scriptOf(norm), tag,
                    spaceBefore));
            if (first == ']' || first == ')' || first == '}' || first == '】' || first == '」' || first == '>') {
                bracketDepth = Math.max(0, bracketDepth - 1);
            }
        }
        return tokens;
    }

    /**
     * Every word boundary of {@code text} by the same dictionary word breaker (and wherever a Thai letter is followed
     * by a digit), as offsets into it.
     */
    public static java.util.BitSet wordBoundaries(String text) {
        java.util.BitSet out = new java.util.BitSet(text.length() + 1);
        for (int b : breaks(text)) {
            out.set(b);
        }
        return out;
    }

    /**
     * The dictionary word breaker's boundaries in {@code s}, in order, plus one wherever a Thai letter is followed by
     * a digit and wherever Latin letters and Thai meet. Normalised Thai spells sara am as nikhahit + sara aa (its
     * NFKC form), which the breaker's dictionary does not know: it would cut น้ำ or ดำ in two. The breaker is given
     * the usual spelling, and its boundaries are mapped back.
     */
    static int[] breaks(String s) {
        String text = s;
        int[] at = null; // offsets in s of text's characters, when they differ
        if (s.indexOf(NFKC_SARA_AM) >= 0) {
            StringBuilder usual = new StringBuilder(s.length());
            at = new int[s.length() + 1];
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                at[n++] = i;
                if (s.startsWith(NFKC_SARA_AM, i)) {
                    usual.append(SARA_AM);
                    i++;
                } else {
                    usual.append(s.charAt(i));
                }
            }
            at[n] = s.length();
            text = usual.toString();
        }
        BreakIterator it = (BreakIterator) PROTOTYPE.clone();
        it.setText(text);
        int[] out = new int[text.length() + 1]; // distinct offsets in [0, length]
        int k = 0;
        int last = 0;
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            // The breaker glues a Thai word to the figure after it (แพนทีน380มล: แพ|นที|น380); no Thai word holds a
            // digit, so a Thai letter followed by one always ends a word.
            // Nor does a word run from Latin letters into Thai ones: shops glue their brand to the product
            // (TYESOแก้วสแตนเลส, ROBINกล่องใส่แฟ้ม), and the breaker keeps such a run whole.
            for (int i = last + 1; i < b; i++) {
                char prev = text.charAt(i - 1);
                char cur = text.charAt(i);
                if (Character.isDigit(cur) && Script.isThaiNonDigit(prev)
                        || Script.isThaiNonDigit(cur) && latinBefore(text, i)
                        || Script.isThaiNonDigit(prev) && !Character.isLowSurrogate(cur)
                        && isLatinLetter(text.codePointAt(i))) {
                    out[k++] = at == null ? i : at[i];
                }
            }
            out[k++] = at == null ? b : at[b];
            last = b;
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private static boolean isLatinLetter(int cp) {
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
    }

    /** Whether a Latin letter, with any combining marks after it (e + U+0301), ends just before {@code i}. */
    private static boolean latinBefore(String text, int i) {
        int k = i;
        while (k > 0 && Character.getType(text.charAt(k - 1)) == Character.NON_SPACING_MARK
                && !Script.isThai(text.charAt(k - 1))) {
            k--;
        }
        return k > 0 && isLatinLetter(text.codePointBefore(k));
    }

    private static final char NIKHAHIT = '\u0E4D';
    private static final char SARA_AA = '\u0E32';
    private static final char SARA_AM = '\u0E33';
    private static final String NFKC_SARA_AM = "" + NIKHAHIT + SARA_AA;

    /** Where the title's first word outside tags starts (0 when there is none): where a brand usually stands. */
    public static int firstWordStart(List<Token> tokens) {
        for (Token t : tokens) {
            if (!t.inTag() && t.type() != TokenType.PUNCT) {
                return t.start();
            }
        }
        return 0;
    }

    /** Word segments of the normalised text, with units and trailing pluses glued to their numbers. */
    private static List<int[]> segments(String s) {
        int[] breaks = breaks(s);
        List<int[]> raw = new ArrayList<>();
        for (int i = 0; i + 1 < breaks.length; i++) {
            int a = breaks[i];
            int b = breaks[i + 1];
            if (!s.substring(a, b).isBlank()) {
                raw.add(new int[] {a, b});
            }
        }
        List<int[]> merged = new ArrayList<>(raw.size());
        for (int[] seg : raw) {
            if (!merged.isEmpty()) {
                int[] prev = merged.getLast();
                String prevText = s.substring(prev[0], prev[1]);
                String text = s.substring(seg[0], seg[1]);
                boolean adjacent = prev[1] == seg[0];
                boolean unitAfterNumber = adjacent && endsWithDigit(prevText) && UNITS.contains(text);
                boolean plusAfterAlnum = adjacent && text.chars().allMatch(c -> c == '+')
                        && Character.isLetterOrDigit(prevText.charAt(prevText.length() - 1));
                boolean decimal = adjacent && endsWithDigit(prevText) && (text.equals(".") || text.equals(","))
                        && seg[1] < s.length() && Character.isDigit(s.charAt(seg[1]));
                boolean afterDecimal = adjacent && (prevText.endsWith(".") || prevText.endsWith(","))
                        && prevText.length() > 1 && Character.isDigit(prevText.charAt(prevText.length() - 2))
                        && Character.isDigit(text.charAt(0));
                if (unitAfterNumber || plusAfterAlnum || decimal || afterDecimal) {
                    prev[1] = seg[1];
                    continue;
                }
            }
            merged.add(seg);
        }
        return merged;
    }

    /**
     * Whether the hash ending at {@code from} opens a pair ({@code #Garansi Resmi#}): a later hash closes it, unless
     * that one opens a hashtag of its own ({@code #ของแท้ #ส่งฟรี}, {@code #ของแท้#ส่งฟรี}).
     */
    private static boolean pairedHash(String s, int from) {
        int next = s.indexOf('#', from);
        if (next < 0) {
            return false;
        }
        boolean gluedAfter = next + 1 < s.length() && s.charAt(next + 1) != ' ';
        if (next > 0 && s.charAt(next - 1) == ' ' && gluedAfter) {
            return false; // "#ของแท้ #ส่งฟรี", "# Nivea #ส่งฟรี": the later one opens a hashtag
        }
        // "#Garansi Resmi#", "#Original# …" pair; "#ของแท้#ส่งฟรี" is one hashtag, glued hashes and all.
        return s.substring(from, next).indexOf(' ') >= 0 || !gluedAfter;
    }

    private static boolean endsWithDigit(String t) {
        return !t.isEmpty() && Character.isDigit(t.charAt(t.length() - 1));
    }

    static TokenType classify(String norm) {
        int letters = 0;
        int digits = 0;
        Script script = Script.NONE;
        for (int i = 0; i < norm.length(); ) {
            int cp = norm.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) {
                digits++;
            } else if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                letters++;
                Script sc = Script.of(cp);
                if (script == Script.NONE || sc == Script.THAI) {
                    script = sc;
                }
            }
        }
        if (letters == 0 && digits == 0) {
            return TokenType.PUNCT;
        }
        if (letters == 0) {
            return TokenType.NUMBER;
        }
        if (digits > 0) {
            return isMeasure(norm) ? TokenType.MEASURE : TokenType.CODE;
        }
        return switch (script) {
            case LATIN -> TokenType.LATIN;
            case THAI -> TokenType.THAI;
            default -> TokenType.OTHER_WORD;
        };
    }

    private static boolean isMeasure(String norm) {
        int i = 0;
        while (i < norm.length() && (Character.isDigit(norm.charAt(i)) || norm.charAt(i) == '.'
                || norm.charAt(i) == ',')) {
            i++;
        }
        if (i == 0) {
            // SPF50+, PA++++ style ratings
            return norm.matches("(spf|pa|ip|uv)\\d*\\+*");
        }
        String unit = norm.substring(i).replaceAll("\\+$", "");
        return UNITS.contains(unit) || unit.isEmpty();
    }

    private static Script scriptOf(String norm) {
        Script best = Script.NONE;
        for (int i = 0; i < norm.length(); ) {
            int cp = norm.codePointAt(i);
            i += Character.charCount(cp);
            Script sc = Script.of(cp);
            if (sc == Script.THAI) {
                return sc;
            }
            if (best == Script.NONE) {
                best = sc;
            }
        }
        return best;
    }
}
