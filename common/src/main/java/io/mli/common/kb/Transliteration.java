package io.mli.common.kb;

import com.ibm.icu.text.Transliterator;
import java.util.List;

/**
 * Compares Thai spellings of brands with their Latin names through a consonant skeleton: the Thai is romanised with
 * ICU's Thai-Latin transliterator (after dropping consonants silenced by a thanthakhat, {@code ร์}), both sides are
 * reduced to their consonants with the sounds Thai cannot tell apart merged ({@code c/k/q/g}, {@code v/w}, soft
 * {@code c}/{@code z} → {@code s}, aspirates {@code kh/th/ph} → {@code k/t/p}) and vowels, glides and doubled
 * letters dropped. {@code ยูเซอริน} and {@code Eucerin} both become {@code srn}; {@code เนสกาแฟ} and
 * {@code Nescafe} {@code nskf}.
 *
 * <p>Loanwords are spelt both ways, so each side also has {@linkplain #variants a second skeleton}: the Thai with its
 * silenced consonants kept (มิลค์ is "milk", with a silent k the Latin still writes), the Latin without an {@code r}
 * that no vowel follows (Thai drops it: คาร์เนชั่น is "carnation" said the British way). Thread-safe.
 */
public final class Transliteration {
    // One shared instance: building one is costly, and per-thread copies would be rebuilt for every virtual thread.
    private static final Transliterator THAI_LATIN = Transliterator.getInstance("Thai-Latin; Latin-ASCII; Lower");

    private Transliteration() {
    }

    /** The skeleton of a Latin-script name ({@code Eucerin} → {@code srn}); empty for names with no Latin letters. */
    public static String ofLatin(String name) {
        return skeleton(latinLetters(name));
    }

    /** The skeleton of a Thai spelling ({@code ยูเซอริน} → {@code srn}). */
    public static String ofThai(String thai) {
        // A consonant (with its vowel marks) followed by a thanthakhat is silent: "ร์" in ไฮเตอร์.
        return skeleton(romanised(thai.replaceAll(SILENCED, "")));
    }

    /**
     * Both skeletons of a name, the usual one first: for Thai text, with the silenced consonants dropped and kept;
     * for Latin, with every {@code r} and with only those a vowel follows. One element when the two agree.
     */
    public static List<String> variants(String name) {
        if (io.mli.common.text.Script.hasThai(name)) {
            // NER asks this of every run of up to three words of every Thai title; the same runs recur.
            List<String> known = THAI_VARIANTS.get(name);
            if (known == null) {
                String a = ofThai(name);
                String b = skeleton(romanised(name.replace("\u0E4C", "")));
                known = a.equals(b) ? List.of(a) : List.of(a, b);
                remember(THAI_VARIANTS, name, known);
            }
            return known;
        }
        String letters = latinLetters(name);
        String a = skeleton(letters);
        String b = skeleton(letters.replaceAll("r(?![aeiouy])", ""));
        return a.equals(b) ? List.of(a) : List.of(a, b);
    }

    /**
     * How alike a Thai spelling and a Latin name sound with their vowels too (0–1): the edit similarity of both
     * reduced to the same loose phonetic letters. The skeleton alone ignores vowels, which lets far too many Thai
     * words match short names: คุ้มค่า and GOMUC share {@code kmk} but sound nothing alike ({@code kumka},
     * {@code komuk}), while ไบโอวิต and Biovitt are both {@code biowit}.
     */
    public static double soundSimilarity(String thai, String latin) {
        String l = loose(foldedLetters(spokenLatin(latin)));
        // As the skeletons, with the letters a thanthakhat silences kept (มิลค์ is "milk") and dropped (แอนด์ is "an"
        // in ล็อกแอนด์ล็อก; kept, ICU reads the ด with the next syllable and loses its vowel).
        double kept = Fuzzy.similarity(looseThai(thai.replace("\u0E4C", "")), l);
        return thai.indexOf('\u0E4C') < 0 ? kept
                : Math.max(kept, Fuzzy.similarity(looseThai(thai.replaceAll(SILENCED, "")), l));
    }

    private static String looseThai(String thai) {
        String t = icu(thai);
        // ICU writes the vowel carrier อ as "x": a vowel "o" after a consonant (คอม, "khxm"), else silent.
        return loose(t.replaceAll("(?<=[b-df-hj-np-tv-z])x", "o").replace("x", ""));
    }

    /**
     * A Latin name respelt nearer to how it is said, where Thai spells the sound: {@code Mc} before a name is "mac"
     * (แมคไวตี้ for McVitie's; not in {@code MCT}), {@code Mr} "mister" (มิสเตอร์: หมูแชมป์ is no Mr.Champ), {@code Uni}
     * "yuni" (ยูนิเทค is Unitek, แอนิเทค Anitech), {@code &} "and" (แอนด์: ล็อกแอนด์ล็อก is Lock & Lock), and a word's
     * final {@code ie} is one vowel ({@code Vitie},
     * {@code COOKIE}). Case-folded first, and with Unicode word edges: {@code Pieña} keeps its {@code ie}.
     */
    private static String spokenLatin(String latin) {
        String s = folded(latin);
        return s.replace("&", " and ").replaceAll("(?U)\\bmc(?=\\p{L}{3})", "mac")
                .replaceAll("(?U)\\bmr\\b\\.?\\s*", "mister")
                .replaceAll("(?U)\\buni", "yuni")
                .replaceAll("(?U)(?<=\\p{L})ie(?=['’]?s?\\b)", "i");
    }

    private static String loose(String s) {
        // Thai aspirates (kh, th, ph) are k, t, p; a Latin "ph" is already an f. แ ("ae") is how Thai writes the
        // short English a (แมค is "Mac", แคน "can"), and a Latin "ae" is said much the same (Mae Ploy, Daesang).
        s = s.replaceAll("[^a-z]", "").replace("ae", "a").replace("kh", "k").replace("th", "t").replace("ph", "p")
                .replace("ea", "i").replace("ee", "i").replace("oo", "u").replace("ou", "u");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char m = switch (s.charAt(i)) {
                case 'q', 'g', 'c' -> 'k';
                case 'z' -> 's';
                case 'j' -> 'c';
                case 'y' -> 'i';
                case 'v' -> 'w';
                case 'h' -> 0;
                default -> s.charAt(i);
            };
            if (m != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != m)) {
                out.append(m);
            }
        }
        return out.toString();
    }

    private static final String SILENCED = "[\\u0E01-\\u0E2E][\\u0E31\\u0E34-\\u0E3A]?\\u0E4C";

    private static String latinLetters(String name) {
        return foldedLetters(folded(name));
    }

    private static String folded(String name) {
        return com.ibm.icu.text.Normalizer2.getNFKCCasefoldInstance().normalize(name);
    }

    /** As {@link #latinLetters}, for a name already NFKC case-folded. */
    private static String foldedLetters(String s) {
        s = io.mli.common.text.BrandKeys.withoutAccents(s);
        s = s.replaceAll("['’]s\\b", ""); // McVitie's is แมคไวตี้: Thai spells no possessive
        s = s.replaceAll("[^a-z]", "");
        return s.replaceAll("c(?=[eiy])", "s").replace("ck", "k").replace("x", "ks").replace("qu", "k")
                .replace("tion", "shon").replace("ph", "f").replace("sh", "c").replace("ch", "c").replace("tch", "c");
    }

    /**
     * ICU's romanisation, remembered: NER asks for every run of up to three words of every Thai title, the same
     * words recur across titles, and the shared transliterator serialises its callers. Bounded: cleared when full.
     */
    private static String icu(String thai) {
        String known = ROMANISED.get(thai);
        if (known != null) {
            return known;
        }
        String latin;
        synchronized (THAI_LATIN) {
            latin = THAI_LATIN.transliterate(thai);
        }
        remember(ROMANISED, thai, latin);
        return latin;
    }

    /** Caches of pure functions of Thai text, each cleared when it reaches {@link #REMEMBERED} entries. */
    private static final int REMEMBERED = 100_000;
    private static final java.util.Map<String, String> ROMANISED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, List<String>> THAI_VARIANTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static <V> void remember(java.util.Map<String, V> cache, String key, V value) {
        if (cache.size() >= REMEMBERED) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private static String romanised(String thai) {
        String latin = icu(thai);
        latin = latin.replaceAll("[^a-z]", "").replace("x", "");
        return latin.replace("kh", "k").replace("th", "t").replace("ph", "p").replace("ch", "c");
    }

    private static String skeleton(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char m = switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'h' -> 0;
                // w and v are a consonant before a vowel (Nivea, เวีย), a glide after one (Carabao, บาว).
                case 'w', 'v' -> i + 1 < s.length() && "aeiou".indexOf(s.charAt(i + 1)) >= 0 ? 'w' : 0;
                case 'q', 'g', 'c' -> 'k';
                case 'z' -> 's';
                case 'j' -> 'c';
                case 'b' -> 'b';
                case 'd' -> 'd';
                default -> c;
            };
            if (c == 'c' && i + 1 < s.length() && "kq".indexOf(s.charAt(i + 1)) >= 0) {
                m = 0;
            }
            if (m != 0 && (out.isEmpty() || out.charAt(out.length() - 1) != m)) {
                out.append(m);
            }
        }
        return out.toString();
    }
}
