package io.mli.common.domain;

/**
 * Why an agent believes something: the {@code source} of the signal (for example {@code gazetteer},
 * {@code crf}, {@code transliteration}, {@code neighbours}, {@code llm}), where in the title it stands (may be
 * null for signals that have no place, such as retrieval votes), a short human-readable detail, and its score.
 */
public record Evidence(String source, Span span, String detail, double score) {
}
