package io.mli.common.kb;

import io.mli.common.text.BrandKeys;
import java.util.Set;

/**
 * Words sellers put where a brand would be when there is none: {@code Generic}, {@code No Brand}, {@code OEM},
 * Indonesian {@code Tanpa Merek}, Thai {@code ไม่มียี่ห้อ}. They are never answered as brands, and catalog rows
 * labelled with them are treated as having no brand.
 */
public final class NonBrands {
    private static final Set<String> KEYS = Set.of("generic", "nobrand", "noname", "oem", "odm", "unbranded",
            "universal", "tanpamerek", "nonbrand", "other", "others", "none", "na", "unknown", "assorted", "various",
            "ไม่มียี่ห้อ", "ไม่ระบุยี่ห้อ", "ไม่ระบุ", "ทั่วไป", "brand", "brandless", "nn");

    private NonBrands() {
    }

    public static boolean isPlaceholder(String name) {
        return name == null || KEYS.contains(BrandKeys.key(name));
    }
}
