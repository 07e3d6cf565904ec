package io.mli.ner.engine;

import io.mli.common.domain.Span;
import io.mli.common.kb.AliasKind;
import io.mli.common.kb.GazetteerMatch;
import io.mli.common.kb.NonBrands;
import io.mli.common.kb.ProductWords;
import io.mli.common.text.BrandKeys;
import io.mli.common.text.Token;
import io.mli.common.text.TokenType;
import java.util.List;

/**
 * Why a span the CRF tags as a brand, naming no brand the knowledge base knows, is no new brand either. The CRF learnt
 * that brands open titles; these are the titles where what opens them is something else.
 */
final class NewNameFilter {
    private final Vocabulary vocabulary;

    NewNameFilter(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Whether the unknown span is no new brand, by any of the rules below. */
    boolean rejects(CrfSpan span, String title, List<Token> tokens, List<GazetteerMatch> matches) {
        String text = span.span().text();
        // Nor Japanese, Chinese, …, unless the catalog wrote brand names in them.
        return !vocabulary.taughtScriptOf(text)
                // "SYF-Shop", "Penjual Terbaik": the seller, not the maker.
                || NonBrands.isSellerTalk(withNextWord(span, tokens))
                // "The tasty milk tea": an article opening the title is no brand.
                || NonBrands.isOnlyFunctionWords(text)
                // "Quần jean nữ …": a seller who capitalises wrote this one as an ordinary word.
                || writtenAsAWord(span.span(), title)
                // A run of 900 letters is junk, not a brand the catalog has not met yet.
                || !plausibleName(text)
                // "1.8L", "500 ml": a size, whatever the CRF made of the title's first token. Numbers alone may be
                // names (1664, 555, 5.11).
                || onlySizes(span, tokens)
                // "Tai nghe Bluetooth Baseus": the gazetteer's Baseus, not a brand "Bluetooth Baseus".
                || productWordsThenKnownName(span, tokens, matches)
                // "Hảo Hảo": a product line the gazetteer has already named the brand of (Acecook).
                || isKnownLine(span.span(), matches)
                // "Coffee High Protein …", "Men's Running Shoes", "Tas Ransel …": a title that opens with what the
                // product is names no brand there. Costs the brands named with such words (Sakura); a word only one
                // brand's titles had, mostly right after its name, is that brand's line, not a product word (Swift,
                // as in Acer Swift), and passes.
                || onlyProductWords(span, tokens);
    }

    private static boolean onlySizes(CrfSpan span, List<Token> tokens) {
        List<Token> in = tokens.subList(span.firstToken(), span.lastToken() + 1);
        return in.stream().anyMatch(t -> t.type() == TokenType.MEASURE) && in.stream().allMatch(
                t -> t.type() == TokenType.NUMBER || t.type() == TokenType.MEASURE || t.type() == TokenType.PUNCT);
    }

    /**
     * Whether a name is written all in small letters in a title that has capitals elsewhere: sellers capitalise
     * brand names (or write them in capitals), so such a word is an ordinary one ({@code Hộp đựng thực phẩm}: "food
     * box"). A title typed all in small letters says nothing either way and keeps its names.
     */
    static boolean writtenAsAWord(Span span, String title) {
        boolean lower = false;
        for (int i = span.start(); i < span.end(); i++) {
            char c = title.charAt(i);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            lower |= Character.isLowerCase(c);
        }
        if (!lower) {
            return false;
        }
        for (int i = 0; i < title.length(); i++) {
            if ((i < span.start() || i >= span.end()) && Character.isUpperCase(title.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the span's text is a known product line that the gazetteer found in the title. */
    private static boolean isKnownLine(Span span, List<GazetteerMatch> matches) {
        String key = BrandKeys.key(span.text());
        return matches.stream().anyMatch(m -> m.alias().kind() == AliasKind.PRODUCT_LINE
                && BrandKeys.key(m.span().text()).equals(key));
    }

    /**
     * The longest new brand name, and the longest word in one: the catalog's longest label has 26 characters, its
     * longest word 15.
     */
    static final int MAX_NEW_NAME = 40;
    static final int MAX_NEW_WORD = 24;

    private static boolean plausibleName(String name) {
        if (name.length() > MAX_NEW_NAME) {
            return false;
        }
        for (String word : name.split("[^\\p{L}\\p{M}\\p{N}]+")) {
            if (word.length() > MAX_NEW_WORD) {
                return false;
            }
        }
        return true;
    }

    /** Whether every word of the span is one the catalog mostly uses outside brand names. */
    private boolean onlyProductWords(CrfSpan span, List<Token> tokens) {
        return productWords(tokens, span.firstToken(), span.lastToken() + 1);
    }

    /** Whether the words of tokens [from, to) are all product words, and there is one. */
    private boolean productWords(List<Token> tokens, int from, int to) {
        return everyWord(tokens.subList(from, to), t -> {
            String w = t.norm();
            boolean possessive = t.text().matches("(?i).*['\u2019]s");
            return vocabulary.isProductWord(w) || ProductWords.containsNormalised(w)
                    || possessive && vocabulary.isProductWord(w.replaceFirst("['\u2019]?s$", "")); // Men's: men
        });
    }

    /**
     * Whether every word of the span is one the catalog also wrote outside brand names ({@code Clothes Hanger},
     * {@code Bamboo}, {@code Thai}, but also {@code Sea Crown}; not {@code Swift}, one brand's line there): a new name
     * so made is a brand less often than one with a word the catalog never wrote but in a brand name
     * ({@code Moskovsky}), and the calibration tells it apart ({@link io.mli.common.agent.NewNameKinds#NEW_WORDS}).
     * Not in a Thai title: there a Latin name opening it stands apart by its script ({@code DOUBLE LOCK
     * ช่องทำน้ำแข็ง}), and is its brand whatever its words.
     */
    boolean wordsOfTheCatalog(CrfSpan span, List<Token> tokens) {
        return everyWord(tokens.subList(span.firstToken(), span.lastToken() + 1),
                t -> vocabulary.writtenAsAWord(t.norm()));
    }

    /**
     * Whether every word of the span is one the catalog wrote as an ordinary word ({@link Vocabulary#isOrdinaryWord}):
     * {@code Top Brand}, {@code Korea Brand} announce no brand.
     */
    boolean ordinaryWords(Span span, List<Token> tokens) {
        return everyWord(tokens.stream().filter(t -> t.start() >= span.start() && t.end() <= span.end()).toList(),
                t -> vocabulary.isOrdinaryWord(t.norm()));
    }

    /** Whether the tokens hold a word, and every one of them (punctuation aside) passes {@code test}. */
    private static boolean everyWord(List<Token> tokens, java.util.function.Predicate<Token> test) {
        boolean any = false;
        for (Token t : tokens) {
            if (t.type() == TokenType.PUNCT) {
                continue;
            }
            if (!test.test(t)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Whether the span is product words followed by a known brand's name ({@code Bluetooth Baseus}): the brand is
     * the known one, the words before it say what the product is.
     */
    boolean productWordsThenKnownName(CrfSpan span, List<Token> tokens, List<GazetteerMatch> matches) {
        for (GazetteerMatch m : matches) {
            if (m.alias().kind() != AliasKind.NAME || m.span().end() != span.span().end()
                    || m.span().start() <= span.span().start()) {
                continue;
            }
            int k = span.firstToken();
            while (k <= span.lastToken() && tokens.get(k).start() < m.span().start()) {
                k++;
            }
            if (productWords(tokens, span.firstToken(), k)) {
                return true;
            }
        }
        return false;
    }

    /** A span's text with the word after it ({@code SYF} + {@code Shop}), to see whether it names a shop. */
    private static String withNextWord(CrfSpan span, List<Token> tokens) {
        for (int k = span.lastToken() + 1; k < tokens.size(); k++) {
            if (tokens.get(k).isWord()) {
                return span.span().text() + " " + tokens.get(k).text();
            }
            if (tokens.get(k).type() != TokenType.PUNCT) {
                break;
            }
        }
        return span.span().text();
    }
}
