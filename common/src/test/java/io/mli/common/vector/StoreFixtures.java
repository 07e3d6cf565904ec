package io.mli.common.vector;

import java.util.List;

/** A small multilingual corpus shared by the store tests (and the contract suite). */
public final class StoreFixtures {
    private StoreFixtures() {
    }

    public static ProductRecord product(String id, String title, String brandId, String category, String language) {
        return new ProductRecord(id, title, brandId, brandId.toUpperCase(java.util.Locale.ROOT), category, language,
                null);
    }

    public static List<ProductRecord> corpus() {
        return List.of(
                product("p1", "Nivea Soft Moisturising Cream 100ml", "nivea", "Beauty /// Skin Care /// Creams", "en"),
                product("p2", "Nivea Men Deep Roll On 50ml", "nivea", "Beauty /// Body Care /// Deodorants", "en"),
                product("p3", "Mama Instant Noodles Tom Yum Kung 60g", "mama", "Pantry /// Noodles", "en"),
                product("p4", "มาม่า บะหมี่กึ่งสำเร็จรูป รสต้มยำกุ้ง 60 กรัม", "mama", "Pantry /// Noodles", "th"),
                product("p5", "Mae Ploy Sweet Chili Sauce 920g", "mae-ploy", "Pantry /// Sauces", "en"),
                product("p6", "แม่ประนอม น้ำจิ้มไก่ 730 กรัม", "mae-pranom", "Pantry /// Sauces", "th"),
                product("p7", "นมสด Meiji รสจืด 200 มล.", "meiji", "Dairy /// Milk", "mixed"),
                product("p8", "Meiji Pasteurized Milk Plain 830ml", "meiji", "Dairy /// Milk", "en"),
                product("p9", "Samsung Galaxy A15 Smartphone 128GB", "samsung", "Electronics /// Phones", "id"),
                product("p10", "Xiaomi Redmi Note 13 Smartphone 256GB", "xiaomi", "Electronics /// Phones", "id"),
                product("p11", "Breeze Excel Liquid Detergent 2.1L", "breeze", "Household /// Laundry", "en"),
                product("p12", "บรีส เอกเซล ผงซักฟอก 800 กรัม", "breeze", "Household /// Laundry", "th"));
    }
}
