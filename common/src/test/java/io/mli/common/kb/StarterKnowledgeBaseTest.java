package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.text.BrandKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guards the hand-written starter knowledge base: it parses, is big enough, and no surface form names two brands. */
class StarterKnowledgeBaseTest {
    private static final List<StarterKnowledgeBase.Entry> ENTRIES = StarterKnowledgeBase.entries();

    /** The examples the resource started with; later edits must not lose them. */
    private static final Map<String, List<String>> ORIGINAL = new LinkedHashMap<>();

    static {
        // Apple's Thai spelling is also the fruit (น้ำรสแอปเปิ้ล): it was dropped after it named apple juice Apple.
        ORIGINAL.put("Apple", List.of("iPhone", "iPad", "MacBook", "AirPods", "Apple Watch", "iMac"));
        ORIGINAL.put("Samsung", List.of("ซัมซุง", "Galaxy"));
        ORIGINAL.put("Sony", List.of("โซนี่", "PlayStation", "Xperia", "WALKMAN"));
        ORIGINAL.put("SanDisk", List.of("แซนดิสก์"));
        ORIGINAL.put("Eucerin", List.of("ยูเซอริน"));
        ORIGINAL.put("Clear Nose", List.of("เคลียร์โนส"));
        ORIGINAL.put("Dr.Althea", List.of("ด๊อกเตอร์อัลเทีย", "Dr Althea"));
        ORIGINAL.put("LAY'S", List.of("Lays", "เลย์"));
        ORIGINAL.put("Nivea", List.of("นีเวีย"));
        ORIGINAL.put("Nescafe", List.of("เนสกาแฟ", "Nescafé"));
        ORIGINAL.put("MAMA", List.of("มาม่า"));
        ORIGINAL.put("Haier", List.of("ไฮเออร์"));
        ORIGINAL.put("Ichitan", List.of("อิชิตัน"));
        ORIGINAL.put("Pringles", List.of("พริงเกิ้ลส์", "พริงเกิ้ล"));
    }

    @org.junit.jupiter.api.Test
    void theFruitIsNotTheBrand() {
        org.assertj.core.api.Assertions.assertThat(StarterKnowledgeBase.get().gazetteer()
                .find("น้ำส้มผสมน้ำรสแอปเปิ้ลญี่ปุ่น")).isEmpty();
    }

    /** Surface forms that are everyday words; as aliases they would name a brand in titles that are not about it. */
    private static final Set<String> GENERIC = Set.of("smart", "lotus", "best", "gold", "ดี", "ทอง", "ช้าง", "หมี",
            "clear", "simple", "ultra", "extreme", "pro", "max", "plus", "mini", "new", "premium", "แบรนด์", "โมเดล");

    @Test
    void parsesAndHasAtLeastFourHundredBrands() {
        assertThat(ENTRIES).hasSizeGreaterThanOrEqualTo(400);
        assertThat(StarterKnowledgeBase.get().size()).isEqualTo(ENTRIES.size());
    }

    @Test
    void everyBrandHasANameAndACategory() {
        assertThat(ENTRIES).allSatisfy(e -> {
            assertThat(e.name()).isNotBlank();
            assertThat(BrandKeys.key(e.name())).as("key of %s", e.name()).isNotEmpty();
            assertThat(e.categories()).as("categories of %s", e.name()).isNotEmpty();
            assertThat(Stream.concat(e.aliases().stream(), e.productLines().stream()))
                    .as("forms of %s", e.name()).allSatisfy(a -> assertThat(BrandKeys.key(a)).isNotEmpty());
        });
    }

    @Test
    void noSurfaceFormBelongsToTwoBrands() {
        Map<String, String> owner = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        for (StarterKnowledgeBase.Entry e : ENTRIES) {
            Set<String> keys = Stream.of(List.of(e.name()), e.aliases(), e.productLines())
                    .flatMap(List::stream).map(BrandKeys::key).collect(Collectors.toSet());
            for (String k : keys) {
                String previous = owner.putIfAbsent(k, e.name());
                if (previous != null) {
                    clashes.add(k + ": " + previous + " / " + e.name());
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void keepsTheOriginalBrandsAndTheirForms() {
        Map<String, StarterKnowledgeBase.Entry> byName = ENTRIES.stream()
                .collect(Collectors.toMap(StarterKnowledgeBase.Entry::name, e -> e));
        ORIGINAL.forEach((name, forms) -> {
            assertThat(byName).containsKey(name);
            StarterKnowledgeBase.Entry e = byName.get(name);
            List<String> all = new ArrayList<>(e.aliases());
            all.addAll(e.productLines());
            assertThat(all).as("forms of %s", name).containsAll(forms);
        });
    }

    @Test
    void findsAppleThroughItsProductLine() {
        List<GazetteerMatch> matches = StarterKnowledgeBase.get().gazetteer().find("iPhone 15 Pro Max สีดำ");
        assertThat(matches).anySatisfy(m -> {
            assertThat(m.alias().brandId()).isEqualTo(BrandKeys.key("Apple"));
            assertThat(m.alias().kind()).isEqualTo(AliasKind.PRODUCT_LINE);
            assertThat(m.span().text()).isEqualTo("iPhone");
        });
        assertThat(matches).allSatisfy(m -> assertThat(m.alias().brandId()).isEqualTo(BrandKeys.key("Apple")));
    }

    @Test
    void findsThaiSpellings() {
        KnowledgeBase kb = StarterKnowledgeBase.get();
        assertThat(kb.byName("มาม่า")).map(Brand::name).contains("MAMA");
        assertThat(kb.gazetteer().find("ครีมนีเวียซอฟท์ 200มล"))
                .anySatisfy(m -> assertThat(m.alias().brandId()).isEqualTo(BrandKeys.key("Nivea")));
    }

    @Test
    void findsProductLinesSpeltInThaiAndNamesInJapaneseKoreanAndChinese() {
        assertStarterFinds(Map.of(
                "ไอโฟน 15 โปร แม็กซ์ 256GB", "Apple",
                "เคส กาแล็กซี่ S24 Ultra", "Samsung",
                "ユニクロ ヒートテック Tシャツ", "Uniqlo",
                "농심 신라면 120g", "Nongshim",
                "资生堂 洗面奶 120g", "Shiseido",
                "サントリー 天然水 550ml", "Suntory"));
    }

    @Test
    void findsVietnameseAndIndonesianBrandsWhereTheTitleOpensWithWhatTheProductIs() {
        assertStarterFinds(Map.of(
                "Sữa tươi Vinamilk có đường 1L", "Vinamilk",
                "Mì Hảo Hảo tôm chua cay 75g", "Acecook",
                "Cà phê Trung Nguyên Legend 500g", "Trung Nguyên",
                "Susu UHT Ultra Milk Coklat 250ml", "Ultra Milk",
                "Kopi Kapal Api Special Mix 25g", "Kapal Api",
                "Teh Botol Sosro 450ml", "Sosro"));
    }

    /** Each title (key) has a gazetteer match of the starter brand (value). */
    private static void assertStarterFinds(Map<String, String> titles) {
        KnowledgeBase kb = StarterKnowledgeBase.get();
        titles.forEach((title, brand) -> assertThat(kb.gazetteer().find(title)).as(title)
                .anySatisfy(m -> assertThat(m.alias().brandId()).isEqualTo(BrandKeys.key(brand))));
    }

    @Test
    void thaiFormsHaveAtLeastThreeCharacters() {
        List<String> tooShort = ENTRIES.stream()
                .flatMap(e -> Stream.concat(e.aliases().stream(), e.productLines().stream()))
                .filter(a -> a.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.THAI))
                .filter(a -> BrandKeys.key(a).codePointCount(0, BrandKeys.key(a).length()) < 3)
                .toList();
        assertThat(tooShort).isEmpty();
    }

    @Test
    void noAliasIsAnEverydayWord() {
        List<String> generic = ENTRIES.stream()
                .flatMap(e -> Stream.concat(e.aliases().stream(), e.productLines().stream()))
                .filter(a -> GENERIC.contains(BrandKeys.key(a)))
                .toList();
        assertThat(generic).isEmpty();
    }

    @Test
    void brandNamesAreUnique() {
        assertThat(ENTRIES.stream().map(e -> BrandKeys.key(e.name()))).doesNotHaveDuplicates();
    }
}
