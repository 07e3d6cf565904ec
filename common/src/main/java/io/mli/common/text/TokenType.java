package io.mli.common.text;

/** The kind of a title token. */
public enum TokenType {
    /** A word in Latin letters. */
    LATIN,
    /** A Thai word (from the dictionary word breaker). */
    THAI,
    /** A word in another script. */
    OTHER_WORD,
    /** A plain number: {@code 12}, {@code 2.5}. */
    NUMBER,
    /** A number with a unit: {@code 250ml}, {@code 16นิ้ว}, {@code 32GB}, {@code SPF50+}. */
    MEASURE,
    /** Letters and digits mixed that are not a measure: model codes such as {@code CZ48}, {@code G50-80}. */
    CODE,
    /** Punctuation and symbols. */
    PUNCT
}
