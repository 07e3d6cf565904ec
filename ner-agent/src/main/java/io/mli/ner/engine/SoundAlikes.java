package io.mli.ner.engine;

import io.mli.common.domain.Span;
import io.mli.common.kb.Brand;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.Transliteration;
import io.mli.common.kb.TransliterationIndex;
import io.mli.common.text.Script;
import io.mli.common.text.Token;
import io.mli.common.text.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Thai spellings of the knowledge base's Latin brands that it has never seen, found by sound
 * ({@link TransliterationIndex}, {@link Transliteration#soundSimilarity}): in a title's Thai words, and after a brand
 * marker ({@code ตรา ทีพอท}). Immutable and thread-safe.
 */
final class SoundAlikes {
    /**
     * The score of a Thai word that sounds exactly like a known Latin brand. The catalog has no Thai titles to fit it
     * on, so it is the share found right in a hand-checked sample of unlabelled Thai shop titles, and the calibration
     * passes it through (see docs/accuracy.md).
     */
    static final double WORD = 0.85;
    /** Part of a compound, mid-title, or one letter away: mostly chance, an alternative only. */
    static final double WEAK = 0.5;
    /** The kind of such a weak candidate, which NER ranks after a known brand written in the title. */
    static final String WEAK_KIND = "translit_weak";
    /**
     * The sound similarity, vowels included, above which a Thai word and a brand name are taken as one name. At 0.8
     * (one letter in five) most matches in the hand-checked sample were chance (องุ่น "grape" as A NGOON).
     */
    static final double SOUNDS_ALIKE = 0.8;
    private final KnowledgeBase kb;
    private final TransliterationIndex index;
    private final Vocabulary vocabulary; // null without a CRF model: then no name counts as an ordinary word

    SoundAlikes(KnowledgeBase kb, Vocabulary vocabulary) {
        this.kb = kb;
        this.index = new TransliterationIndex(kb);
        this.vocabulary = vocabulary;
    }

    /**
     * The known brand a marked Thai name sounds exactly like ({@code ตรา ทีพอท}: the seller names the brand, in
     * Thai), or null.
     */
    Brand marked(String thai) {
        TransliterationIndex.Match m = index.match(thai, TransliterationIndex.SHORTEST_WORD);
        return m.exact() ? soundsLike(thai, m.brandIds()) : null;
    }

    /**
     * Known Latin brands spelt in Thai in a way the knowledge base has not seen ({@code ยูเซอริน} → Eucerin). A run of
     * up to three Thai words is compared by sound. The match is believable when the run opens the title as a word of
     * its own ({@code ไบโอวิต เอ็กซ์เอส} → Biovitt), its consonants sound exactly like the name's and its vowels
     * nearly so. Anywhere else, or one letter away, a run sounds like some brand far too often (in a check of 4,000
     * unlabelled shop titles, mostly by chance: ลิตร as ULTRA, คละแบบ as CALBEE), so it is only a weak alternative.
     */
    List<NerEngine.Candidate> find(String title, List<Token> tokens, int firstWordStart) {
        List<NerEngine.Candidate> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).type() != TokenType.THAI) {
                continue;
            }
            boolean opens = i == 0 || tokens.get(i).spaceBefore() || tokens.get(i - 1).type() != TokenType.THAI;
            for (int j = i; j < Math.min(tokens.size(), i + 3); j++) {
                Token last = tokens.get(j);
                if (last.type() != TokenType.THAI || (j > i && last.spaceBefore())) {
                    break;
                }
                boolean closes = j + 1 == tokens.size() || tokens.get(j + 1).spaceBefore()
                        || tokens.get(j + 1).type() != TokenType.THAI;
                boolean word = opens && closes;
                Span span = Span.of(title, tokens.get(i).start(), last.end());
                TransliterationIndex.Match m = index.match(span.text(),
                        word ? TransliterationIndex.SHORTEST_WORD : TransliterationIndex.MIN_SKELETON);
                Brand alike = m.exact() && word && span.start() <= firstWordStart
                        ? soundsLike(span.text(), m.brandIds()) : null;
                if (alike != null || m.brandIds().size() == 1) {
                    Brand b = alike != null ? alike : kb.byId(m.brandIds().getFirst()).orElseThrow();
                    boolean strong = alike != null;
                    out.add(new NerEngine.Candidate(b, b.name(), span, strong ? WORD : WEAK,
                            "transliteration", span.text(), strong ? "translit" : WEAK_KIND));
                }
            }
        }
        Span two = openingTwoWords(title, tokens, firstWordStart);
        if (two != null) {
            TransliterationIndex.Match m = index.match(two.text(), TransliterationIndex.MIN_SKELETON);
            Brand alike = m.exact() ? soundsLike(two.text(), m.brandIds().stream()
                    .filter(id -> kb.byId(id).map(SoundAlikes::hasTwoWordLatinName).orElse(false)).toList()) : null;
            if (alike != null) {
                out.add(new NerEngine.Candidate(alike, alike.name(), two, WORD, "transliteration", two.text(),
                        "translit"));
            }
        }
        return out;
    }

    /**
     * The title's first two Thai words, when it opens with two (ซุปเปอร์ ล็อค): a name of two Latin words is often
     * spelt so, with the space (Super Lock). Null when the title does not open so, or a word runs past three tokens.
     */
    private static Span openingTwoWords(String title, List<Token> tokens, int firstWordStart) {
        int i = 0;
        while (i < tokens.size() && tokens.get(i).start() < firstWordStart) {
            i++;
        }
        int words = 0;
        int end = -1;
        for (int j = i; j < tokens.size() && j < i + 6; j++) {
            Token t = tokens.get(j);
            if (t.type() != TokenType.THAI) {
                return null;
            }
            if (j > i && t.spaceBefore() && ++words == 2) {
                return null;
            }
            boolean closes = j + 1 == tokens.size() || tokens.get(j + 1).spaceBefore();
            if (closes && words == 1) {
                end = t.end();
                break;
            }
        }
        return i < tokens.size() && end > 0 && tokens.get(i).start() == firstWordStart
                ? Span.of(title, tokens.get(i).start(), end) : null;
    }

    private static boolean hasTwoWordLatinName(Brand b) {
        return b.allNames().stream().anyMatch(n -> !Script.hasThai(n) && n.strip().split("\\s+").length == 2);
    }

    /**
     * The one brand among those with the same consonants whose name also sounds like the Thai with its vowels
     * (ทีพอท: TEAPOT, not TIPTOP); null when none does, or two do equally.
     */
    private Brand soundsLike(String thai, List<String> ids) {
        Brand best = null;
        double bestSim = SOUNDS_ALIKE;
        boolean tie = false;
        for (String id : ids) {
            Brand b = kb.byId(id).orElseThrow();
            if (ordinaryWord(b.name())) {
                continue;
            }
            double sim = 0;
            for (String name : b.allNames()) {
                if (!Script.hasThai(name)) {
                    sim = Math.max(sim, Transliteration.soundSimilarity(thai, name));
                }
            }
            if (sim > bestSim) {
                best = b;
                bestSim = sim;
                tie = false;
            } else if (sim == bestSim && best != null) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /**
     * A one-word brand name that the catalog uses more often as an ordinary word than as a brand (SUPER, SMART): its
     * Thai spelling (ซุปเปอร์) is the ordinary loanword far more often than the brand.
     */
    private boolean ordinaryWord(String name) {
        if (vocabulary == null || name.indexOf(' ') >= 0) {
            return false;
        }
        return vocabulary.mostlyAWord(name.toLowerCase(java.util.Locale.ROOT));
    }
}
