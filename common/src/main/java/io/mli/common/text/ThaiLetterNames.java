package io.mli.common.text;

import java.util.List;
import java.util.Map;

/**
 * The Latin letters as Thai spells their names ({@code เอ} A, {@code บี} B, … {@code แซด} Z), to read initials written
 * in Thai: shops write the brands of their suppliers so ({@code พีเอฟพี} PFP, {@code ทีจีเอ็ม} TGM, {@code ซีพี} CP).
 */
public final class ThaiLetterNames {
    /** Each letter's Thai names, the commoner spelling first. */
    private static final Map<Character, List<String>> NAMES = Map.ofEntries(
            Map.entry('A', List.of("เอ")), Map.entry('B', List.of("บี")), Map.entry('C', List.of("ซี")),
            Map.entry('D', List.of("ดี")), Map.entry('E', List.of("อี")), Map.entry('F', List.of("เอฟ")),
            Map.entry('G', List.of("จี")), Map.entry('H', List.of("เอช", "เอ็ช", "เอชท์")),
            Map.entry('I', List.of("ไอ")), Map.entry('J', List.of("เจ")), Map.entry('K', List.of("เค")),
            Map.entry('L', List.of("แอล")), Map.entry('M', List.of("เอ็ม", "เอม")), Map.entry('N', List.of("เอ็น", "เอน")),
            Map.entry('O', List.of("โอ")), Map.entry('P', List.of("พี")), Map.entry('Q', List.of("คิว")),
            Map.entry('R', List.of("อาร์")), Map.entry('S', List.of("เอส")), Map.entry('T', List.of("ที")),
            Map.entry('U', List.of("ยู")), Map.entry('V', List.of("วี")),
            Map.entry('W', List.of("ดับเบิลยู", "ดับบลิว", "ดับเบิ้ลยู")), Map.entry('X', List.of("เอ็กซ์", "เอ็กซ")),
            Map.entry('Y', List.of("วาย")), Map.entry('Z', List.of("แซด", "เซด")));

    private ThaiLetterNames() {
    }

    /**
     * The Latin letters whose Thai names, one after the other, make up {@code thai} exactly ({@code เอเอฟเอ็ม} →
     * {@code AFM}), or null when it is not only letter names. Where two readings exist, the one with fewer letters.
     */
    public static String initials(String thai) {
        if (thai == null || thai.isEmpty()) {
            return null;
        }
        // Fewest letters ending at each offset: a short dynamic programme, titles' words being short.
        int n = thai.length();
        String[] best = new String[n + 1];
        best[0] = "";
        for (int i = 0; i < n; i++) {
            if (best[i] == null) {
                continue;
            }
            for (Map.Entry<Character, List<String>> e : NAMES.entrySet()) {
                for (String name : e.getValue()) {
                    if (thai.startsWith(name, i)) {
                        int j = i + name.length();
                        String reading = best[i] + e.getKey();
                        if (best[j] == null || reading.length() < best[j].length()
                                || reading.length() == best[j].length() && reading.compareTo(best[j]) < 0) {
                            best[j] = reading;
                        }
                    }
                }
            }
        }
        return best[n];
    }
}
