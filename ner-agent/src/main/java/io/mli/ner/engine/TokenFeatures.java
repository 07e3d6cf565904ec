package io.mli.ner.engine;

import io.mli.common.text.Token;
import java.util.List;

/**
 * Turns title tokens into what the CRF reads: the word (lower-cased, normalised) and a "tag" column carrying
 * features that carry over to brands the catalog has never seen: the token's shape and script, its position among
 * the title's words, and whether it sits inside a promotion tag. CoreNLP's own features add the word, its
 * neighbours, character n-grams and word shapes.
 */
final class TokenFeatures {
    private TokenFeatures() {
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
            if (tokens.get(i).type() != io.mli.common.text.TokenType.PUNCT && !tokens.get(i).inTag()) {
                w++;
            }
        }
        return idx;
    }
}
