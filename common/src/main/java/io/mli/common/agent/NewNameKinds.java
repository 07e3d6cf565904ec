package io.mli.common.agent;

/**
 * The kinds of evidence NER gives for a name the knowledge base does not know, as the other agents and the
 * calibration read them from its answer's detail. Each is also split by the name's length, one word or more
 * ({@code new.one}, {@code new_words.more}): the calibration fits each apart where it has seen enough of them and
 * falls back to its parent where it has not, dropping the last part of the kind first: {@code ner.new.one.other}
 * (retrieval named another brand) → {@code ner.new.one} → {@code ner.new}. Counted on the catalog with a tenth of its
 * brands held out (ten folds, five titles a brand), NER's one-word new names were right 85% of the time and its longer
 * ones 58%, where their scores were alike; of new names made only of words the catalog also writes as words, the
 * one-word ones were right 57% of the time and the longer ones 81% ({@code Golden Coins}, {@code Bell Foods}).
 */
public final class NewNameKinds {
    /** A new name opening the title. */
    public static final String NEW = "new";
    /** A new name opening the title, made only of words the catalog also writes outside brand names. */
    public static final String NEW_WORDS = "new_words";
    /** A new name further into the title. */
    public static final String NEW_MID = "new_mid";

    private NewNameKinds() {
    }

    /** The kind with its length: {@code kind.one} for a name of one word, {@code kind.more} for longer ones. */
    public static String withLength(String kind, int words) {
        return kind + (words <= 1 ? ".one" : ".more");
    }

    /** Whether NER's detail is {@link #NEW_WORDS}, of any length. */
    public static boolean madeOfCatalogWords(String detail) {
        return detail != null && (detail.equals(NEW_WORDS) || detail.startsWith(NEW_WORDS + "."));
    }
}
