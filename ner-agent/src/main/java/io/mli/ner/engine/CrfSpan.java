package io.mli.ner.engine;

import io.mli.common.domain.Span;
import io.mli.common.kb.NonBrands;
import io.mli.common.text.Script;
import io.mli.common.text.Token;
import io.mli.common.text.TokenType;
import java.util.ArrayList;
import java.util.List;

/** A run of tokens the CRF tags as brand, with the mean and lowest brand probability over it. */
record CrfSpan(Span span, int firstToken, int lastToken, double mean, double min) {
    static final double THRESHOLD = 0.5;
    /** The title's first word may open a (weaker) span at a lower probability: brands mostly come first. */
    static final double FIRST_WORD_THRESHOLD = 0.2;
    /**
     * The share of its first word's probability at which the next words continue a run opened below
     * {@link #THRESHOLD}. On dev one row changed (Sea Crown, right); on the Thai shop titles ten, all for the better
     * (DAIRY DOUGH, not DAIRY; I-MET; no Google for NANO GOOGLE TV).
     */
    static final double FOLLOW_OPENER = 0.8;

    /**
     * A capitalised Latin word the catalog never saw outside a brand name continues a run at this lower probability.
     * Extending over every such word (as before) took product-line names for brand words ({@code Mishima Noriben},
     * {@code Bref Rim}) more often than it found a brand's second word ({@code Yen Yen}): of dev's new-brand rows it
     * changed, 18 were wrong and 11 right. Where the CRF gives the word at least this much, it is mostly the brand's.
     */
    static final double EXTEND_THRESHOLD = 0.3;

    private static boolean thai(Token t) {
        return t.script() == Script.THAI && t.text().codePoints().noneMatch(c -> Script.of(c) == Script.LATIN);
    }

    /** The letters of tokens [from, to) in any script but Thai. */
    private static int letters(List<Token> tokens, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            n += (int) tokens.get(k).text().codePoints()
                    .filter(c -> Character.isLetter(c) && Script.of(c) != Script.THAI).count();
        }
        return n;
    }

    /**
     * Runs of brand-tagged tokens. A run is extended over following capitalised Latin words the catalog has never
     * seen outside a brand name ({@code Del} + {@code Monte}) that the CRF gives at least {@link #EXTEND_THRESHOLD},
     * over words it wrote mostly in brand names ({@link #BRAND_WORD_THRESHOLD}), and over its last word said again
     * ({@code Yen Yen}).
     */
    static List<CrfSpan> extract(String title, List<Token> tokens, double[] brandProb, Vocabulary vocabulary) {
        List<CrfSpan> out = new ArrayList<>();
        int firstWord = firstWord(tokens);
        int i = 0;
        while (i < tokens.size()) {
            double open = i == firstWord ? FIRST_WORD_THRESHOLD : THRESHOLD;
            if (brandProb[i] < open || tokens.get(i).type() == TokenType.PUNCT) {
                i++;
                continue;
            }
            int j = i;
            double sum = 0;
            double min = 1;
            // A run opened at a low probability (the title's first word may open one from 0.2) goes on over the
            // words about as likely as its first: Sea 0.44, Crown 0.41 is one name, Sea Crown.
            double goOn = brandProb[i] < THRESHOLD ? FOLLOW_OPENER * brandProb[i] : THRESHOLD;
            // A run opened in Latin letters stops where Thai starts, spaced or glued to it (TYESOแก้ว): the catalog
            // taught the CRF no Thai, and its guesses there (A-my เดนิ|ชบลูเบอรี่, "Danish blueberry") must not spoil
            // the Latin name before them. Not after a lone letter or number (M- ฟิตมี, 137 ดีกรี), no name alone.
            boolean latinRun = tokens.get(i).script() != Script.THAI;
            while (j < tokens.size() && (j == i || brandProb[j] >= goOn)
                    && !(latinRun && thai(tokens.get(j)) && letters(tokens, i, j) >= 2)) {
                sum += brandProb[j];
                min = Math.min(min, brandProb[j]);
                j++;
            }
            while (j < tokens.size() && j - i < 3 && (brandProb[j] >= EXTEND_THRESHOLD
                    && extends_(tokens.get(j), vocabulary) || repeats(tokens, j)
                    || brandProb[j] >= BRAND_WORD_THRESHOLD && brandWord(tokens.get(j), vocabulary))) {
                sum += Math.max(brandProb[j], min);
                j++;
            }
            int last = j - 1;
            while (last > i && tokens.get(last).type() == TokenType.PUNCT) {
                last--;
            }
            Span span = Span.of(title, tokens.get(i).start(), tokens.get(last).end());
            out.add(new CrfSpan(span, i, last, sum / (j - i), min));
            i = j;
        }
        return out;
    }

    /** The index of the title's first token that is neither punctuation nor in a tag; -1 when there is none. */
    private static int firstWord(List<Token> tokens) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).type() != TokenType.PUNCT && !tokens.get(k).inTag()) {
                return k;
            }
        }
        return -1;
    }

    /**
     * A new name that is one short capitalised word opening the title ({@code Kon}, {@code Rai}, {@code Wel}), with
     * the capitalised word after it, unless the catalog wrote that word outside brand names more than
     * {@link #SHORT_OPENER_OUTSIDE} times as often as inside them ({@code Kon Thai}, {@code Rai Aoy}, {@code Wel B};
     * a word never seen counts); else the span itself. A word of three letters or fewer is seldom a brand on its own:
     * of the catalog's Tops titles that open with one followed by such a word, the brand is the two words or more in
     * 676 and the one word in 29 (counted brand by brand, each brand's own titles left out). Where the next word is
     * mostly written outside brand names ({@code Extra}, {@code Plus}, {@code Shower}) the catalog is split, 121 to
     * 127, and the CRF decides. The opener's probabilities stay the span's: the second word is taken on the catalog's
     * word, not the CRF's.
     */
    CrfSpan withShortOpenerExtended(String title, List<Token> tokens, Vocabulary vocabulary) {
        Token opener = tokens.get(firstToken);
        if (firstToken != lastToken || firstToken != firstWord(tokens) || lastToken + 1 >= tokens.size()
                || !capitalised(opener, 1, SHORT_OPENER) || NonBrands.isSellerTalk(opener.text())) {
            return this; // Hot, New: sales talk, which NerEngine strips; not the first word of a name
        }
        Token next = tokens.get(lastToken + 1);
        if (!capitalisedWordApart(next) || inCapitals(next)
                || vocabulary.outsideCount(next.norm()) > SHORT_OPENER_OUTSIDE * vocabulary.insideCount(next.norm())) {
            return this;
        }
        return new CrfSpan(Span.of(title, span.start(), next.end()), firstToken, lastToken + 1, mean, min);
    }

    /**
     * How many times as often outside brand names as inside them the catalog may have written the word after a short
     * opener for {@link #withShortOpenerExtended} to take it. Set on the catalog's Tops titles (as above): from 1 to
     * 8 the extensions are 95.6–95.9% right, and at 6 the most are (676 right, 29 wrong; at 1, 632 and 27); at 20,
     * 92.5%; taking every next word, 83%.
     */
    static final int SHORT_OPENER_OUTSIDE = 6;

    /**
     * A new name opening the title with a capitalised word and going on with a word in capitals ({@code Tide PODS},
     * {@code Ovaltine UHT}, {@code Mizumi UV}) cut to its first word; else the span itself. Of the catalog's titles
     * that open so, the brand is the first word alone in 201 and goes on into the capitals in 6 ({@code Venchi SPA},
     * {@code Melano CC}): the catalog writes a line, a formula or an initialism so after the brand's name.
     */
    CrfSpan withoutCapitalsAfterOpener(String title, List<Token> tokens, double[] brandProb) {
        if (firstToken == lastToken || firstToken != firstWord(tokens)
                || !capitalised(tokens.get(firstToken), 2, Integer.MAX_VALUE)) {
            return this;
        }
        Token next = tokens.get(firstToken + 1);
        if (next.type() != TokenType.LATIN || !next.spaceBefore() || next.inTag() || !inCapitals(next)) {
            return this;
        }
        return new CrfSpan(Span.of(title, span.start(), tokens.get(firstToken).end()), firstToken, firstToken,
                brandProb[firstToken], brandProb[firstToken]);
    }

    /**
     * The span without its last word when that word is a long one ({@value #LONG_LAST_WORD} letters or more) the
     * catalog never wrote inside a brand name, after a first word of {@value #LONG_LAST_AFTER} letters or more: a new
     * name ends before such a word, which is mostly the product's line or what it is ({@code Ronnefeldt Teavelope},
     * {@code Sartori Cherrywood}, {@code Tada Kinnokiwami}, {@code Pepperidge Farm Sausalito}). Counted on the catalog
     * with a tenth of its brands held out (ten folds, five titles a brand), the rule made 43 answers right (37 brands)
     * and 12 wrong (6 brands: {@code Fiamma Vesuviana}, {@code Akara Eggology}); at seven letters 67 and 41. A short
     * first word ({@code La Espanola}, {@code San Benedetto}) is left to {@link #withShortOpenerExtended}. The word
     * is read as the seller wrote it, a capital and small letters, standing apart: in capitals it may be the name's
     * own ({@code TRUE LIVINGTECH}), and joined to the word before it is part of that word ({@code Hansen-Lieberman}).
     * Sales talk the span opens with does not count as its first word ({@code Promo Zabrowski} keeps Zabrowski, which
     * {@link #withoutLeadingSalesTalk} then finds).
     */
    CrfSpan withoutLongLastWord(String title, List<Token> tokens, Vocabulary vocabulary) {
        int name = afterSalesTalk(tokens); // the name's first word (Promo …)
        if (words(tokens, name, lastToken) < 2) {
            return this;
        }
        Token first = tokens.get(name);
        Token last = tokens.get(lastToken);
        if (first.type() != TokenType.LATIN || letters(tokens, name, name + 1) < LONG_LAST_AFTER
                || !last.spaceBefore() || last.inTag() || !capitalised(last, LONG_LAST_WORD, Integer.MAX_VALUE)
                || vocabulary.insideCount(last.norm()) > 0) {
            return this;
        }
        int end = lastToken - 1;
        while (end > name && tokens.get(end).type() == TokenType.PUNCT) {
            end--;
        }
        // The CRF's figures stay the span's: the name it found is the same, one word shorter.
        return new CrfSpan(Span.of(title, span.start(), tokens.get(end).end()), firstToken, end, mean, min);
    }

    /** The fewest letters of a last word {@link #withoutLongLastWord} takes off. */
    static final int LONG_LAST_WORD = 8;

    /** The fewest letters of the first word before such a last word. */
    static final int LONG_LAST_AFTER = 4;

    /**
     * A Latin word of {@code min} to {@code max} letters, a capital and then small letters only ({@code Tide},
     * {@code Kon}, {@code B}), as the seller wrote it: the rules above read the title's own case, so they do not fire
     * in a title typed all in capitals ({@code HAPPY DOG}), whatever NER's capitalised reading of it.
     */
    private static boolean capitalised(Token t, int min, int max) {
        int[] cps = t.text().codePoints().toArray();
        if (t.type() != TokenType.LATIN || cps.length < min || cps.length > max || !Character.isUpperCase(cps[0])) {
            return false;
        }
        for (int k = 1; k < cps.length; k++) {
            if (!Character.isLowerCase(cps[k])) {
                return false;
            }
        }
        return true;
    }

    /** A word of two letters or more, all of them capitals ({@code PODS}, {@code UV}). */
    private static boolean inCapitals(Token t) {
        return t.text().codePointCount(0, t.text().length()) >= 2
                && t.text().codePoints().allMatch(Character::isUpperCase);
    }

    /** The longest word {@link #withShortOpenerExtended} takes for short. */
    static final int SHORT_OPENER = 3;

    /**
     * The span without the seller's words it opens with ({@code PROMO Toshiba} is Toshiba, {@code Baru Orico} is
     * Orico): the CRF learnt that brands open titles, and sellers put their sales talk first. Null when nothing else
     * is left ({@code New}, {@code Penjual Terbaik}).
     */
    CrfSpan withoutLeadingSalesTalk(String title, List<Token> tokens, double[] brandProb) {
        int first = afterSalesTalk(tokens);
        if (first == firstToken) {
            return this;
        }
        if (first > lastToken) {
            return null;
        }
        double sum = 0;
        double least = 1;
        for (int k = first; k <= lastToken; k++) {
            sum += brandProb[k];
            least = Math.min(least, brandProb[k]);
        }
        return new CrfSpan(Span.of(title, tokens.get(first).start(), span.end()), first, lastToken,
                sum / (lastToken - first + 1), least);
    }

    /**
     * The span's first token that is neither punctuation nor the seller's talk ({@code PROMO}, {@code Baru}); past
     * its end ({@code lastToken + 1}) when there is none.
     */
    private int afterSalesTalk(List<Token> tokens) {
        int first = firstToken;
        while (first <= lastToken && (tokens.get(first).type() == TokenType.PUNCT
                || NonBrands.isSellerTalk(tokens.get(first).text()))) {
            first++;
        }
        return first;
    }

    /** How many words the span has, as spaces part them: {@link #words(List, int, int)} over all of it. */
    int words(List<Token> tokens) {
        return words(tokens, firstToken, lastToken);
    }

    /**
     * How many words tokens [from, to] hold, as spaces part them ({@code S&W}, {@code St.Dalfour} and
     * {@code Coca-Cola} are one each, {@code Golden Coins} two); punctuation standing alone is none.
     */
    static int words(List<Token> tokens, int from, int to) {
        int n = 0;
        boolean inWord = false;
        for (int k = from; k <= to; k++) {
            Token t = tokens.get(k);
            if (t.spaceBefore() || k == from) {
                inWord = false;
            }
            if (t.type() != TokenType.PUNCT && !inWord) {
                n++;
                inWord = true;
            }
        }
        return n;
    }

    /**
     * The word just before said again ({@code Yen Yen}, {@code NICO NICO}, {@code Toki Toki}): a doubled word is one
     * name, and the CRF, which saw few, splits it.
     */
    private static boolean repeats(List<Token> tokens, int j) {
        Token t = tokens.get(j);
        Token before = tokens.get(j - 1);
        return t.type() == TokenType.LATIN && t.spaceBefore() && !t.inTag() && t.norm().equals(before.norm());
    }

    /**
     * A capitalised word the catalog wrote mostly inside brand names (five times or more, and four times as often as
     * outside them: {@code Farm}, 18 to 2) continues a run at this probability. The CRF, which learnt each brand's
     * words with that brand's own titles left out of the count, gave {@code Farm} in {@code Pepperidge Farm} 0.17. On
     * dev this changed four rows, three to the right brand ({@code Pepperidge Farm}) and one not ({@code Yana Farm},
     * labelled YANA); no Thai shop title changed.
     */
    static final double BRAND_WORD_THRESHOLD = 0.1;

    /**
     * Whether the token is a capitalised Latin word that the catalog wrote mostly in brand names, and outside them too
     * (a word never seen outside is {@link #extends_}'s, at the higher threshold: often another brand's name).
     */
    private static boolean brandWord(Token t, Vocabulary vocabulary) {
        int inside = vocabulary.insideCount(t.norm());
        int outside = vocabulary.outsideCount(t.norm());
        return capitalisedWordApart(t) && inside >= 5 && outside >= 1 && inside >= 4 * outside;
    }

    private static boolean extends_(Token t, Vocabulary vocabulary) {
        return capitalisedWordApart(t) && vocabulary.outsideCount(t.norm()) == 0;
    }

    /** A capitalised Latin word outside any tag, with a space before it: one that may continue a name. */
    private static boolean capitalisedWordApart(Token t) {
        return t.type() == TokenType.LATIN && !t.inTag() && Character.isUpperCase(t.text().charAt(0))
                && t.spaceBefore();
    }
}
