package io.mli.common.vector.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two BM25 text fields of a title and their analysers.
 *
 * <ul>
 *   <li>{@link #WORDS}: ICU word segmentation (UAX #29, plus a dictionary for Thai, which has no spaces) and ICU
 *       folding (NFKC, case and accent folding), so {@code Nestlé} matches {@code NESTLE} and Thai words match.</li>
 *   <li>{@link #GRAMS}: character trigrams of each UAX #29 token written in a script other than Latin (a whole
 *       Thai run is one token here, so trigrams cross the dictionary's word breaks, which fragment transliterated
 *       brand names such as {@code นีเวีย}). Latin tokens are left out: their words match in {@link #WORDS}, the
 *       n-gram vector covers their misspellings, and their trigrams would make every query several times slower.</li>
 * </ul>
 */
final class TitleAnalyzers {
    static final String WORDS = "title_words";
    static final String GRAMS = "title_grams";
    /** Trigrams score less than whole words: many short titles share common trigrams. */
    static final float GRAMS_BOOST = 0.35f;

    private TitleAnalyzers() {
    }

    static Analyzer perField() {
        Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new ICUTokenizer();
                return new TokenStreamComponents(t, new ICUFoldingFilter(t));
            }
        };
        Analyzer grams = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new StandardTokenizer();
                TokenStream ts = new NonLatinFilter(new ICUFoldingFilter(t));
                // Tokens shorter than 3 are kept whole (preserveOriginal), longer ones become trigrams only.
                ts = new NGramTokenFilter(ts, 3, 3, true);
                return new TokenStreamComponents(t, ts);
            }
        };
        return new PerFieldAnalyzerWrapper(words, Map.of(GRAMS, grams));
    }

    /** Keeps tokens that contain a letter of a script other than Latin. */
    static final class NonLatinFilter extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        NonLatinFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            char[] b = term.buffer();
            for (int i = 0, n = term.length(); i < n; i++) {
                char c = b[i];
                if (c >= 0x0250 && Character.isLetter(c)
                        && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                    return true;
                }
            }
            return false;
        }
    }
}
