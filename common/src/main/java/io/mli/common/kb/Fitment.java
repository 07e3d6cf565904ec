package io.mli.common.kb;

import io.mli.common.domain.Span;
import io.mli.common.text.BrandKeys;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a brand named in a title is what the product fits rather than who made it: {@code Replacement Remote
 * Control for LG Smart TV}, {@code Casing untuk Samsung T5}, a phone case named by the phone ({@code เคสไอโฟน 14},
 * {@code Ốp lưng iPhone}), or a brand's name that is only part of another brand's model name ({@code iPhone 14 Pro
 * Max}: PROMAX, a catalog brand). In the catalog and dev, none of the 8 titles with a brand right after {@code for},
 * {@code compatible with} or {@code untuk} is labelled with that brand. NER and retrieval both ask it, so that
 * neither takes such a mention for the maker.
 */
public final class Fitment {
    /** The words before a brand that say the product is for it. */
    private static final Pattern FOR = Pattern.compile(
            "(?iU)(?:\\b(?:for|fits|compatible(?:\\s+(?:with|for))?|untuk|kompatibel(?:\\s+dengan)?|cho)|สำหรับ)"
                    + "[\\s:]*$");
    /**
     * Words for what protects a phone, in Latin script and in Thai: a case, a cover, a screen glass or film. Third
     * parties make these and name them by the phone they fit.
     */
    private static final String PROTECTIVE_WORDS = "case|cover|casing|softcase|hardcase|sarung|film|protector|glass"
            + "|ốp(?:\\s+lưng)?|dán";
    private static final String PROTECTIVE_THAI = "เคส|ฟิล์ม|ซอง|กระจก";
    /** Accessory words right before a product line: the line names the phone the accessory fits. */
    private static final Pattern ACCESSORY = Pattern.compile("(?iU)(?:\\b(?:" + PROTECTIVE_WORDS
            + "|charger|cable|strap|sạc|cáp)|" + PROTECTIVE_THAI + "|สายชาร์จ|ที่ชาร์จ)[\\s:]*$");
    /**
     * The protective words before a phone's maker and model: {@code Tempered Glass Samsung A54}, {@code Casing HP Oppo
     * A57} (Indonesian: HP, handphone), {@code เคส Samsung A54}. A charger or a cable so named is as often the phone
     * maker's own, and is not among them.
     */
    private static final Pattern PROTECTIVE = Pattern.compile("(?iU)(?:\\b(?:" + PROTECTIVE_WORDS + ")|"
            + PROTECTIVE_THAI + ")(?:\\s+(?:hp|handphone))?[\\s:]*$");
    /**
     * A phone's model right after its maker's name: a code of a letter or two and figures ({@code A54}, {@code S23},
     * {@code Y36}) or figures first ({@code 11 Pro}, {@code 13T}); not a count ({@code x2}), a size or a capacity
     * ({@code 25W}, {@code 2.5}, {@code 64GB}, {@code 12 pcs}). A series the maker names its phones by ({@code Galaxy},
     * {@code Redmi}) is its product line, and counts as the model too.
     */
    private static final Pattern PHONE_MODEL = Pattern.compile(
            "(?iU)^\\s+(?!x\\d)(?:\\p{L}{1,2}\\d{1,3}\\p{L}?|\\d{1,2}\\p{L}?(?![.,]\\d))\\b"
                    + "(?!\\s*(?:gb|tb|mah|w|inch|in|mm|cm|m|pcs|pc|pack)\\b)");
    /** Words that say the accessory is the phone maker's own, whose name it then rightly bears. */
    private static final Pattern MAKERS_OWN = Pattern.compile("(?iU)\\b(?:original|ori|resmi|official|genuine)\\b"
            + "|ของแท้|แท้");
    /**
     * Makers of phones, by key: the brands a protective accessory is named after. A case, a glass or a film is named by
     * the phone it fits; before any other name (Baseus, Spigen, Fujifilm, Gigabyte) the name is the accessory's
     * maker.
     */
    private static final java.util.Set<String> PHONE_MAKERS = java.util.Set.of("samsung", "apple", "xiaomi", "oppo",
            "vivo", "realme", "infinix", "huawei", "honor", "google", "nokia", "motorola", "oneplus", "sony", "asus",
            "tecno", "poco", "itel", "lenovo", "lg", "meizu", "zte", "nothing");

    /**
     * A model name: numbers and short codes ({@code 14}, {@code S23}, {@code A54}, {@code 12C}) and the words phone
     * makers put between them ({@code 14 Pro}, {@code Note 12}, {@code S23 Ultra}).
     */
    private static final Pattern MODEL = Pattern.compile("(?i)\\s*(?:(?:\\p{L}{0,2}\\d+\\p{L}{0,2}|pro|plus|max|ultra|mini"
            + "|lite|note|air|se|fe|neo|prime)\\s*)+");
    /** How far back the words before a mention are looked at. */
    private static final int LOOK_BACK = 24;

    private Fitment() {
    }

    /**
     * Whether the mention of {@code brandId} at {@code span} names what the product fits. {@code line} says the
     * mention is one of the brand's product lines; {@code matches} are the title's gazetteer matches (for the model
     * names of other brands' lines).
     */
    public static boolean fits(String title, Span span, String brandId, boolean line, List<GazetteerMatch> matches) {
        return afterForWord(title, span.start()) || line && afterAccessoryWord(title, span.start())
                || line && afterItsFittedName(title, span, brandId, matches)
                || inAnotherBrandsModelName(title, span, brandId, matches)
                || protectsItsPhone(title, span, brandId, matches);
    }

    /**
     * Whether the mention names the phone a protective accessory fits: a phone maker's name after the accessory's
     * words and before a model or a series of its own ({@code Tempered Glass Samsung A54}, {@code Case Xiaomi Redmi
     * Note 13}), or, in Indonesian, {@code HP} (handphone) there before another brand's name ({@code Casing HP Oppo
     * A57}, where HP is no maker). Not where the title says the accessory is the maker's own ({@code Case Samsung S23
     * Original}), nor for another name there ({@code Tempered Glass Baseus Galaxy S23}: Baseus made it).
     */
    static boolean protectsItsPhone(String title, Span span, String brandId, List<GazetteerMatch> matches) {
        if (!endsBefore(PROTECTIVE, title, span.start()) || MAKERS_OWN.matcher(title).find()) {
            return false;
        }
        String key = BrandKeys.key(span.text());
        if (key.equals("hp")) {
            return matches.stream().anyMatch(m -> !m.alias().brandId().equals(brandId) && nextAfter(title, span, m));
        }
        if (!PHONE_MAKERS.contains(key)) {
            return false;
        }
        return PHONE_MODEL.matcher(title.substring(span.end())).find() || matches.stream().anyMatch(m ->
                m.alias().brandId().equals(brandId) && m.alias().kind() == AliasKind.PRODUCT_LINE
                        && nextAfter(title, span, m));
    }

    /** Whether the match is the next name after the span, spaces alone between them. */
    private static boolean nextAfter(String title, Span span, GazetteerMatch m) {
        return m.span().start() > span.end() && title.substring(span.end(), m.span().start()).isBlank();
    }

    /**
     * Whether a product line follows its own brand's name, which follows a for-word or names the phone a protective
     * accessory fits: in {@code Tempered Glass for Samsung Galaxy S24} and {@code เคส Samsung Galaxy A54} Galaxy is what
     * the accessory fits, as Samsung is.
     */
    static boolean afterItsFittedName(String title, Span span, String brandId, List<GazetteerMatch> matches) {
        for (GazetteerMatch m : matches) {
            if (m.alias().brandId().equals(brandId) && m.alias().kind() == AliasKind.NAME
                    && m.span().end() <= span.start() && title.substring(m.span().end(), span.start()).isBlank()
                    && (afterForWord(title, m.span().start())
                    || protectsItsPhone(title, m.span(), brandId, matches))) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #fits(String, Span, String, boolean, List)} for a gazetteer match of the title. */
    public static boolean fits(String title, GazetteerMatch m, List<GazetteerMatch> matches) {
        return fits(title, m.span(), m.alias().brandId(), m.alias().kind() == AliasKind.PRODUCT_LINE, matches);
    }

    static boolean afterForWord(String title, int start) {
        return endsBefore(FOR, title, start);
    }

    static boolean afterAccessoryWord(String title, int start) {
        return endsBefore(ACCESSORY, title, start);
    }

    /** Whether the words just before {@code start} end in a match of {@code words} (which ends in {@code $}). */
    private static boolean endsBefore(Pattern words, String title, int start) {
        return words.matcher(title.substring(Math.max(0, start - LOOK_BACK), start)).find();
    }

    static boolean inAnotherBrandsModelName(String title, Span span, String brandId, List<GazetteerMatch> matches) {
        for (GazetteerMatch m : matches) {
            if (m.alias().kind() == AliasKind.PRODUCT_LINE && !m.alias().brandId().equals(brandId)
                    && m.span().end() <= span.start()
                    && MODEL.matcher(title.substring(m.span().end(), span.start())).matches()) {
                return true;
            }
        }
        return false;
    }
}
