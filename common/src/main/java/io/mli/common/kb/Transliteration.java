package io.mli.common.kb;

import com.ibm.icu.text.Transliterator;

/**
 * Compares Thai spellings of brands with their Latin names through a consonant skeleton: the Thai is romanised with
 * ICU's Thai-Latin transliterator (after dropping consonants silenced by a thanthakhat, {@code ร์}), both sides are
 * reduced to their consonants with the sounds Thai cannot tell apart merged ({@code c/k/q/g}, {@code v/w}, soft
 * {@code c}/{@code z} → {@code s}, aspirates {@code kh/th/ph} → {@code k/t/p}) and vowels, glides and doubled
 * letters dropped. {@code ยูเซอริน} and {@code Eucerin} both become {@code srn}; {@code เนสกาแฟ} and
 * {@code Nescafe} {@code nskf}. Thread-safe.
 */
public final class Transliteration {
    // One shared instance: building one is costly, and per-thread copies would be rebuilt for every virtual thread.
    private static final Transliterator THAI_LATIN = Transliterator.getInstance("Thai-Latin; Latin-ASCII; Lower");

    private Transliteration() {
    }

    /** The skeleton of a Latin-script name ({@code Eucerin} → {@code srn}); empty for names with no Latin letters. */
    public static String ofLatin(String name) {
        String s = com.ibm.icu.text.Normalizer2.getNFKCCasefoldInstance().normalize(name);
        s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z]", "");
        s = s.replaceAll("c(?=[eiy])", "s").replace("ck", "k").replace("x", "ks").replace("qu", "k")
                .replace("ph", "f").replace("sh", "c").replace("ch", "c").replace("tch", "c");
        return skeleton(s);
    }

    /** The skeleton of a Thai spelling ({@code ยูเซอริน} → {@code srn}). */
    public static String ofThai(String thai) {
        // A consonant (with its vowel marks) followed by a thanthakhat is silent: "ร์" in ไฮเตอร์.
        String silent = thai.replaceAll("[\\u0E01-\\u0E2E][\\u0E31\\u0E34-\\u0E3A]?\\u0E4C", "");
        String latin;
        synchronized (THAI_LATIN) {
            latin = THAI_LATIN.transliterate(silent);
        }
        latin = latin.replaceAll("[^a-z]", "").replace("x", "");
        latin = latin.replace("kh", "k").replace("th", "t").replace("ph", "p").replace("ch", "c");
        return skeleton(latin);
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
