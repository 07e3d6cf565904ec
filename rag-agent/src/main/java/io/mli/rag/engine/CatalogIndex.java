package io.mli.rag.engine;

import io.mli.common.embed.Embedder;
import io.mli.common.io.CatalogRow;
import io.mli.common.kb.Brand;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.NonBrands;
import io.mli.common.text.LanguageDetector;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.VectorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a vector store with what retrieval searches: the catalog's labelled products, or, with no catalog (the
 * starter knowledge base), one entry per brand name, alias and product line, so retrieval can still vote.
 */
public final class CatalogIndex {
    static final int BATCH = 1_000;

    private CatalogIndex() {
    }

    /** Adds every labelled catalog row; returns how many. Ids are the rows' line numbers. */
    public static int addCatalog(VectorStore store, Embedder embedder, List<CatalogRow> rows, KnowledgeBase kb) {
        List<ProductRecord> all = records(embedder, rows, kb);
        for (int from = 0; from < all.size(); from += BATCH) {
            store.upsert(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return all.size();
    }

    /** The labelled catalog rows as store records, with their vectors. */
    public static List<ProductRecord> records(Embedder embedder, List<CatalogRow> rows, KnowledgeBase kb) {
        List<ProductRecord> out = new ArrayList<>(rows.size());
        for (CatalogRow r : rows) {
            if (!r.hasBrand() || NonBrands.isPlaceholder(r.brand())) {
                continue;
            }
            String id = kb.idOfLabel(r.brand());
            String name = kb.byId(id).map(Brand::name).orElse(r.brand());
            out.add(new ProductRecord("row-" + r.line(), r.title(), id, name, r.category(),
                    LanguageDetector.detect(r.title()), embedder.embed(r.title())));
        }
        return out;
    }

    /** One entry per brand name, alias and product line of the knowledge base. */
    public static int addBrandNames(VectorStore store, Embedder embedder, KnowledgeBase kb) {
        List<ProductRecord> batch = new ArrayList<>();
        for (Brand b : kb.brands()) {
            String category = b.categories().isEmpty() ? null : b.categories().getFirst();
            List<String> names = new ArrayList<>(b.allNames());
            names.addAll(b.productLines());
            int n = 0;
            for (String name : names) {
                batch.add(new ProductRecord("name-" + b.id() + "-" + n++, name, b.id(), b.name(), category,
                        LanguageDetector.detect(name), embedder.embed(name)));
            }
        }
        store.upsert(batch);
        return batch.size();
    }
}
