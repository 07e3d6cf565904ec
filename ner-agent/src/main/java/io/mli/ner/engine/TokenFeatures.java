package io.mli.ner.engine;

import io.mli.common.kb.SalesTalk;
import io.mli.common.text.HtmlEntities;
import io.mli.common.text.Script;
import io.mli.common.text.Token;
import io.mli.common.text.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns title tokens into what the CRF reads: the word (lower-cased, normalised) and a "tag" column carrying
 * features that carry over to brands the catalog has never seen: the token's shape and script, its position among
 * the title's words, and whether it sits inside a promotion tag. CoreNLP's own features add the word, its
 * neighbours, character n-grams and word shapes.
 */
final class TokenFeatures {
    private TokenFeatures() {
    }

    /**
     * The tokens as the CRF reads them: as written, except in a title in Latin letters typed all in capitals, whose
     * words of four letters or more are read capitalised ({@code OCTOBER FIFTH SESAME CRACKER} as {@code October
     * Fifth Sesame Cracker}; {@code TV}, {@code USB}, {@code KON} stay). The catalog writes names in capitals among
     * capitalised words, so capitals taught the CRF "a name", and in such a title every word was one: new brands
     * on dev's titles put in capitals were 67.2% right, 75.4% read this way (74.8% as written). Small letters are
     * not read up the same way: in dev's Open Food Facts names ({@code buttermilk pancake}) they are mostly no
     * brand. Thai titles keep their Latin capitals ({@code ME STYLE DISNEY เซ็ท…}, {@code SPACE CROWNหมวก}), where
     * they mark the name well; Thai promotion ({@code #ส่งฟรี}, {@link SalesTalk}) and tags ({@code [new]}) do not
     * count. Offsets, and so every span's text, stay the title's. Training reads titles as written; the engine reads
     * a title so once, for the CRF's labels and the spans it makes of them.
     */
    static List<Token> asCapitalised(String title, List<Token> tokens) {
        boolean latin = false;
        boolean thai = false;
        for (Token t : tokens) {
            thai |= t.script() == Script.THAI; // in a tag or not: SalesTalk tells promotion from product words
            if (t.inTag()) {
                continue; // [new]: promotion says nothing of how the product is written
            }
            if (t.type() == TokenType.LATIN && HtmlEntities.decode(t.text()).chars().anyMatch(Character::isLowerCase)) {
                return tokens;
            }
            latin |= t.type() == TokenType.LATIN;
        }
        if (!latin || thai && SalesTalk.thaiProductText(title)) {
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            boolean recase = t.type() == TokenType.LATIN && t.text().length() > 3;
            out.add(recase ? new Token(t.text().charAt(0) + t.text().substring(1).toLowerCase(Locale.ROOT), t.norm(),
                    t.start(), t.end(), t.type(), t.script(), t.inTag(), t.spaceBefore()) : t);
        }
        return out;
    }

    static String word(Token t) {
        return t.norm();
    }

    static String tag(Token t, int wordIndex) {
        String pos = wordIndex == 0 ? "P0" : wordIndex == 1 ? "P1" : wordIndex == 2 ? "P2" : "PN";
        return shape(t) + "-" + pos + (t.inTag() ? "-T" : "");
    }

    static String shape(Token t) {
        return switch (t.type()) {
            case LATIN -> latinShape(t.text());
            case THAI -> "TH";
            case OTHER_WORD -> "OW";
            case NUMBER -> "NUM";
            case MEASURE -> "MEAS";
            case CODE -> "CODE";
            case PUNCT -> "P" + (t.text().length() == 1 ? t.text() : "*");
        };
    }

    private static String latinShape(String s) {
        boolean allUpper = s.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        boolean allLower = s.chars().filter(Character::isLetter).allMatch(Character::isLowerCase);
        if (allUpper) {
            return s.length() <= 3 ? "UPs" : "UP";
        }
        if (allLower) {
            return "LOW";
        }
        return Character.isUpperCase(s.charAt(0)) ? "CAP" : "MIX";
    }

    /** Indexes of tokens counted as words for position purposes (everything but punctuation). */
    static int[] wordIndexes(List<Token> tokens) {
        int[] idx = new int[tokens.size()];
        int w = 0;
        for (int i = 0; i < tokens.size(); i++) {
            idx[i] = w;
            if (tokens.get(i).type() != TokenType.PUNCT && !tokens.get(i).inTag()) {
                w++;
            }
        }
        return idx;
    }
}
