package io.mli.ner.engine;

import io.mli.common.io.CatalogRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small synthetic catalog: brands at the start of English titles, one or two words long. */
final class SmallCatalog {
    private SmallCatalog() {
    }

    static List<CatalogRow> rows() {
        String[] brands = {"Nivea", "Mae Ploy", "Corniche", "Smarter", "Del Rio", "Namjai", "Blue Diamond", "Heinz",
            "Kikkoman", "Royal Umbrella", "Colavita", "Jack Daniel"};
        String[] products = {"Red Curry Paste 50g.", "Soft Cream 100ml.", "Mega Marshmallows 300g.",
            "Drain Opener Powder 375g.", "Tomato Ketchup 300g.", "Roasted Almonds 130g.", "Soy Sauce 150ml.",
            "Jasmine Rice 5kg.", "Olive Oil 500ml.", "Green Tea 80g.", "Dish Liquid 500ml.", "Corn Soup 380g."};
        List<CatalogRow> rows = new ArrayList<>();
        long line = 1;
        for (int b = 0; b < brands.length; b++) {
            for (int p = 0; p < 6; p++) {
                String title = brands[b] + " " + products[(b * 5 + p * 7) % products.length];
                rows.add(new CatalogRow(line++, title, brands[b].toUpperCase(), "Grocery /// Food",
                        Map.of("title", title)));
            }
        }
        return rows;
    }
}
