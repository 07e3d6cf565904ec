package io.mli.common.kb;

import io.mli.common.domain.Span;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a known name found in a title is only the letters of a model code: {@code เครื่องบดสับ #CP-563} is no
 * C.P. product, {@code MT ปากกาเจล HP-9133} no HP pen, {@code WD-40} no Western Digital. Shops write model codes as
 * letters, a hyphen and digits; a brand's name is written apart from its model. A name that opens the title is the
 * brand even with a size glued to it ({@code AOYAMA-20 INCH LED TV}), as is one after a {@code #} that shops put
 * before the brand ({@code #LG AIR PURIFIER#AS60GHWG0}). NER and retrieval both leave such matches out, so that
 * neither takes a model code for the maker. Of 1,578 titles of {@code thai-titles.jsonl} with a {@code #} or such a
 * code, 17 answers changed, all from a code's letters to the brand or to none.
 */
public final class ModelCodes {
    /** A hyphen or underscore and a digit right after the name: the rest of the code. */
    private static final Pattern CODE_AFTER = Pattern.compile("^[-_]\\d");

    private ModelCodes() {
    }

    /** Whether the name at {@code span} of {@code title} is part of a model code. */
    public static boolean isPartOfCode(String title, Span span) {
        return isPartOfCode(title, span, false);
    }

    /**
     * As {@link #isPartOfCode(String, Span)}; {@code namesItsBrandGlued}: the form named its brand inside catalog
     * titles often enough that capitals glued to digits may be the maker and its model ({@code Tinta HP680}).
     */
    static boolean isPartOfCode(String title, Span span, boolean namesItsBrandGlued) {
        if (!afterOtherWords(title, span.start())) {
            return false;
        }
        if (span.end() < title.length()
                && CODE_AFTER.matcher(title.substring(span.end(), Math.min(title.length(), span.end() + 2))).find()) {
            return true;
        }
        // HM4496M3W, SM-CP1603, TP-HP02, SNP-CW-SP18: a few capitals glued to three digits or more, or after a
        // code's short capital prefix and hyphen, inside a title are a model number's letters (H&M, C.P., HP, CW),
        // not a maker writing its name apart. Two digits are more often a size written onto the name (LG43UQ7500:
        // LG's 43-inch TV), and a word before the hyphen is a word (ตลับหมึก-HP, Notebook-HP).
        if (span.text().length() > MAX_GLUED_LETTERS || !capitals(span.text())) {
            return false;
        }
        int digits = 0;
        while (span.end() + digits < title.length() && isAsciiDigit(title.charAt(span.end() + digits))) {
            digits++;
        }
        if (digits >= 3) {
            return !namesItsBrandGlued;
        }
        return afterCodePrefix(title, span.start());
    }

    /**
     * Whether a hyphen right before {@code start} ends a code's prefix: one to four capitals or digits, standing
     * apart ({@code TP-}, {@code SNP-}, {@code SM-}).
     */
    private static boolean afterCodePrefix(String title, int start) {
        if (start < 2 || title.charAt(start - 1) != '-') {
            return false;
        }
        int from = start - 1;
        while (from > 0 && (isAsciiCapital(title.charAt(from - 1)) || isAsciiDigit(title.charAt(from - 1)))) {
            from--;
        }
        int length = start - 1 - from;
        return length >= 1 && length <= 4 && (from == 0 || !Character.isLetterOrDigit(title.charAt(from - 1)));
    }

    private static boolean capitals(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> isAsciiCapital((char) c));
    }

    private static boolean isAsciiCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The most letters a name glued to a code may have and still be only the code's letters. */
    static final int MAX_GLUED_LETTERS = 3;

    /** Whether a letter or digit stands before {@code start}: the name does not open the title. */
    private static boolean afterOtherWords(String title, int start) {
        for (int i = 0; i < start; i++) {
            if (Character.isLetterOrDigit(title.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The matches that are not part of a model code. */
    public static List<GazetteerMatch> withoutCodes(String title, List<GazetteerMatch> matches) {
        return matches.stream().anyMatch(m -> isPartOfCode(title, m))
                ? matches.stream().filter(m -> !isPartOfCode(title, m)).toList() : matches;
    }

    private static boolean isPartOfCode(String title, GazetteerMatch m) {
        return isPartOfCode(title, m.span(), m.alias().namesItsBrandMidTitle());
    }
}
