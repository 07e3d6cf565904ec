package io.mli.common.text;

/**
 * One token of a title: its text as written, its normalised form, its offsets in the original title, its kind and
 * script, and whether it stands inside a bracketed or hashed tag such as {@code [โปรแรง]} or
 * {@code #Garansi Resmi#}. {@code spaceBefore} tells whether white space (or the start) precedes it.
 */
public record Token(String text, String norm, int start, int end, TokenType type, Script script, boolean inTag,
                    boolean spaceBefore) {

    public boolean isWord() {
        return type == TokenType.LATIN || type == TokenType.THAI || type == TokenType.OTHER_WORD;
    }
}
